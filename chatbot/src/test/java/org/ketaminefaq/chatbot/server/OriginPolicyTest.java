package org.ketaminefaq.chatbot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OriginPolicyTest {

    private final OriginPolicy clinicOnly =
            OriginPolicy.of(List.of("https://clinic.example"), "127.0.0.1", 8025, Optional.empty());

    @Test
    void allowsTheClinicsOriginAndRefusesOthers() {
        assertTrue(clinicOnly.allows("https://clinic.example"));
        assertFalse(clinicOnly.allows("https://evil.example"));
        assertFalse(clinicOnly.allows("http://clinic.example"), "another scheme is another origin");
        assertFalse(clinicOnly.allows("https://clinic.example:8443"), "another port is another origin");
        assertFalse(clinicOnly.allows("https://clinic.example.evil.example"));
    }

    @Test
    void alwaysAllowsTheServersOwnOriginSoThatTheDemoPageWorks() {
        assertTrue(clinicOnly.allows("http://127.0.0.1:8025"));
        assertTrue(clinicOnly.allows("http://localhost:8025"));
        assertFalse(clinicOnly.allows("http://127.0.0.1:9999"));
    }

    @Test
    void refusesAHandshakeWithoutOriginOrWithTheOpaqueNullOrigin() {
        assertFalse(clinicOnly.allows(null));
        assertFalse(clinicOnly.allows("null"));
        assertFalse(clinicOnly.allows(""));
    }

    @Test
    void comparesOriginsTheWayBrowsersWriteThem() {
        OriginPolicy policy =
                OriginPolicy.of(List.of("https://Clinic.Example:443"), "127.0.0.1", 8025, Optional.empty());
        assertTrue(policy.allows("https://clinic.example"));
        assertTrue(policy.allows("HTTPS://CLINIC.EXAMPLE"));
        assertEquals(Optional.of("http://clinic.example:8080"), OriginPolicy.normalize("http://clinic.example:8080"));
        assertEquals(Optional.of("http://clinic.example"), OriginPolicy.normalize("http://clinic.example:80"));
        assertEquals(Optional.empty(), OriginPolicy.normalize("file:///tmp/page.html"));
    }

    @Test
    void behindAProxyTheChatPanelsPublicOriginIsTheServersOwn() {
        OriginPolicy proxied = OriginPolicy.of(List.of("https://clinic.example"), "127.0.0.1", 8025,
                Optional.of("https://chat.clinic.example"));
        assertTrue(proxied.allows("https://chat.clinic.example"));
        assertFalse(clinicOnly.allows("https://chat.clinic.example"));
    }

    @Test
    void onlyTheClinicsPagesMayFrameThePanelUnlessTheProfileListsNone() {
        assertEquals("'self' https://clinic.example http://localhost:8025",
                OriginPolicy.frameAncestors(List.of("https://Clinic.Example:443", "http://localhost:8025")));
        assertEquals("*", OriginPolicy.frameAncestors(List.of()));
    }

    @Test
    void anEmptyListAllowsAnyOrigin() {
        OriginPolicy any = OriginPolicy.of(List.of(), "127.0.0.1", 8025, Optional.empty());
        assertTrue(any.allowsAny());
        assertTrue(any.allows("https://anything.example"));
        assertTrue(any.allows(null));
        assertFalse(clinicOnly.allowsAny());
    }

    @Test
    void theOwnOriginOfANamedHostIsThatHostOnly() {
        assertEquals(Set.of("http://chat.clinic.example:8025"), OriginPolicy.ownOrigins("chat.clinic.example", 8025));
        assertTrue(OriginPolicy.ownOrigins("0.0.0.0", 80).contains("http://localhost:80"));
        assertTrue(OriginPolicy.ownOrigins("::1", 8025).contains("http://[::1]:8025"));
    }
}
