package org.ketaminefaq.chatbot.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** Clinics' visitors load the widget on every page: it must stay small. */
class WidgetSizeTest {

    static final int BUDGET_GZIPPED_BYTES = 15 * 1024;

    @Test
    void theWidgetIsAtMost15KbGzipped() throws IOException {
        // as the server sends it: with the DOM helpers it shares with the panel written in
        byte[] widget = (resource("web/widget.js").replace(StaticFilesHandler.DOM_SLOT, resource("web/dom.js")))
                .getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)) {
            gzip.write(widget);
        }
        System.out.printf(java.util.Locale.ROOT, "widget.js: %,d bytes, %,d bytes gzipped (budget %,d)%n", widget.length, gzipped.size(),
                BUDGET_GZIPPED_BYTES);
        assertTrue(gzipped.size() <= BUDGET_GZIPPED_BYTES, "widget.js is " + gzipped.size() + " bytes gzipped");
    }

    private String resource(String name) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(name)) {
            assertTrue(in != null, name + " is not on the classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
