package org.ketaminefaq.chatbot.server;

import java.util.List;
import java.util.Optional;
import org.ketaminefaq.core.ClinicProfile;

/** Clinic profiles for the integration tests. */
final class TestProfiles {

    static final String CLINIC_ORIGIN = "https://clinic.example";
    static final String BOOKING_URL = "https://clinic.example/book";

    private TestProfiles() {
    }

    /** The default profile with a booking link, and chats allowed from https://clinic.example only. */
    static ClinicProfile clinic() {
        ClinicProfile d = ClinicProfile.defaultProfile();
        return new ClinicProfile(Optional.of("Brightwater Clinic"), Optional.of("555-0100"), Optional.of(BOOKING_URL),
                d.hours(), d.address(), d.prices(), d.formsOffered(), d.insuranceNotes(), List.of(CLINIC_ORIGIN),
                d.crisis());
    }
}
