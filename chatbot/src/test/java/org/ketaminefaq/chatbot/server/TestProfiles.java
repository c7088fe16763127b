package org.ketaminefaq.chatbot.server;

import org.ketaminefaq.core.ClinicProfile;

/** Clinic profiles for the integration tests. */
final class TestProfiles {

    static final String CLINIC_ORIGIN = "https://clinic.example";
    static final String BOOKING_URL = "https://clinic.example/book";

    private TestProfiles() {
    }

    /** The default profile with a booking link, and chats allowed from https://clinic.example only. */
    static ClinicProfile clinic() {
        return ClinicProfile.builder().name("Brightwater Clinic").phone("555-0100").bookingUrl(BOOKING_URL)
                .allowedOrigins(CLINIC_ORIGIN).build();
    }
}
