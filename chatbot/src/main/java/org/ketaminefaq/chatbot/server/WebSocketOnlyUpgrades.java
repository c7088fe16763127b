package org.ketaminefaq.chatbot.server;

import java.util.Locale;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.FilterChainEvent;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpEvents;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;

/**
 * Makes Grizzly treat a request that asks to upgrade to anything but WebSocket as the plain HTTP/1.1 request it also
 * is. Java's {@code HttpClient}, curl and others send {@code Upgrade: h2c} on their first plain-http request; Grizzly
 * then stops reading the body by its {@code Content-Length} and waits for bytes of the other protocol, so a POST to
 * the API would hang until the read timeout. The upgrade is an offer (RFC 9110, section 7.8) that a server may ignore.
 */
final class WebSocketOnlyUpgrades implements AddOn {

    @Override
    public void setup(NetworkListener listener, FilterChainBuilder builder) {
        int codec = builder.indexOfType(HttpServerFilter.class);
        if (codec >= 0) {
            // right after the HTTP codec, which announces an upgrade to the filters after it while parsing headers
            builder.add(codec + 1, new DeclineOtherUpgrades());
        }
    }

    private static final class DeclineOtherUpgrades extends BaseFilter {
        @Override
        public NextAction handleEvent(FilterChainContext ctx, FilterChainEvent event) {
            if (event.type() == HttpEvents.IncomingHttpUpgradeEvent.TYPE) {
                HttpHeader header = ((HttpEvents.IncomingHttpUpgradeEvent) event).getHttpHeader();
                String upgrade = header.getUpgrade();
                if (upgrade == null || !upgrade.toLowerCase(Locale.ROOT).contains("websocket")) {
                    header.setIgnoreContentModifiers(false); // read the body by Content-Length or chunks again
                    header.getUpgradeDC().recycle();         // and answer as HTTP/1.1, without switching protocols
                }
            }
            return ctx.getInvokeAction();
        }
    }
}
