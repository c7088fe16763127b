package org.ketaminefaq.chatbot.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ketaminefaq.core.ClinicPrice;
import org.ketaminefaq.core.TreatmentForm;

class QuantityFormatTest {

    private static final Currency USD = Currency.getInstance("USD");

    @Test
    void aClinicsPriceReadsAsMoneyWithCentsOnlyWhenThereAreSome() {
        assertEquals("$450 to $550 per infusion",
                QuantityFormat.money(ClinicPrice.of(TreatmentForm.IV, 450, 550, "infusion"), USD));
        assertEquals("$1,475.50 per infusion", QuantityFormat.money(new ClinicPrice(TreatmentForm.IV,
                new BigDecimal("1475.5"), new BigDecimal("1475.50"), "infusion", Optional.empty()), USD));
        assertEquals("CAD 450 to CAD 600 per infusion",
                QuantityFormat.money(ClinicPrice.of(TreatmentForm.IV, 450, 600, "infusion"), Currency.getInstance("CAD")),
                "another dollar says which");
    }
}
