package org.ketaminefaq.chatbot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StaticFilesHandlerTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "none", value = {
        "gzip, deflate, br | true",
        "br;q=1.0, GZIP;q=0.5 | true",
        "deflate, br | false",
        "gzip;q=0 | false",
        "gzip; q=0.000 | false",
        "none | false",
    })
    void theWidgetIsCompressedOnlyForClientsThatTakeGzip(String acceptEncoding, boolean gzip) {
        assertEquals(gzip, StaticFilesHandler.acceptsGzip(acceptEncoding));
    }
}
