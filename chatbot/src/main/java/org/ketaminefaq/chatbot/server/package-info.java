/**
 * The chat server: the WebSocket transport of the dialogue, the screening API, a health check and a demo page, all
 * on one port (Tyrus 2 on a Grizzly {@code HttpServer}), for one clinic or many ({@link ChatServer}).
 *
 * <pre>{@code
 * java -jar chatbot/target/ketamine-faq-chatbot.jar [--host 127.0.0.1] [--port 8025] [--profile clinic.json | --clinics DIR]
 * }</pre>
 *
 * <h2>Chat protocol, version 1.1</h2>
 * WebSocket {@code /chat}, or {@code /c/{id}/chat} for a clinic of {@code --clinics}; text frames, one UTF-8 JSON
 * object per frame.
 * <ul>
 *   <li>On open the server sends {@code {"type":"welcome","text","quickReplies","disclaimer"}}.</li>
 *   <li>The client sends {@code {"type":"message","text":"..."}}, {@code {"type":"reset"}} (answered with a new
 *       welcome) or {@code {"type":"resume","token":"..."}} (answered with {@code resumed}, or the error
 *       {@code bad_resume}). Every client frame gets exactly one reply, in order, and every frame the server sends ends
 *       with {@code resume}, the conversation's state as an encrypted token ({@link ResumeTokens}).</li>
 *   <li>Replies: {@code answer} (intent, confidence when classified, text, sources, quickReplies, resources when any),
 *       {@code fallback} (intent {@code out_of_scope}, confidence, text, suggestions, resources when any),
 *       {@code crisis} (intent, about {@code self} or {@code someone_else}, text,
 *       resources, quickReplies and sources when any), {@code question} (intent {@code eligibility}, field, text,
 *       quickReplies, step, of), {@code result} (intent {@code eligibility}, verdict, text, reasons, resources,
 *       quickReplies) and {@code error} (code, text) with the codes {@code bad_json}, {@code unknown_type},
 *       {@code empty_text}, {@code too_long}, {@code rate_limited} and {@code bad_resume}; the chat stays open after
 *       each.</li>
 *   <li>Close codes from the server: 1000 for an idle chat, 1001 when it stops, 1002 for a frame that breaks
 *       RFC 6455 (Tyrus), 1003 for a binary frame, 1007 for text that is not UTF-8 (Tyrus), 1009 for a frame over
 *       the size limit, 1011 if the dialogue fails, 1013 when the most chats are already open. A client that does
 *       not read its replies has its connection cut without a close frame ({@code SlowReaderGuard}).</li>
 * </ul>
 * {@link org.ketaminefaq.chatbot.server.ProtocolCodec} reads and writes the frames.
 *
 * <h2>HTTP</h2>
 * {@code GET /} the demo page, {@code GET /panel} the chat panel and {@code GET /widget.js} the widget (from
 * {@code /web/} in the jar), {@code GET /healthz} {@code {"status":"ok"}}, {@code GET /metrics}, and
 * {@code POST /api/screening}: the screening answers JSON in, the assessment JSON out (400 with {@code error} and
 * {@code field}, 405, 408, 413). A clinic of {@code --clinics} has its page, panel and API under {@code /c/{id}/};
 * {@code /widget.js}, {@code /healthz} and {@code /metrics} are shared.
 *
 * <h2>Privacy</h2>
 * Nothing a visitor types or answers is written to a log or a file: logs carry counts, intents, codes and timings,
 * exceptions are logged by class only ({@code LogSafe}), and Tyrus's and Grizzly's loggers, which log payloads at their
 * finer levels, are capped at INFO.
 */
package org.ketaminefaq.chatbot.server;
