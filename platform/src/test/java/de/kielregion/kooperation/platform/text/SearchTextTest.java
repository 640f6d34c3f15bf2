package de.kielregion.kooperation.platform.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SearchTextTest {

    @Test
    void ignoresCaseAndAccents() {
        assertEquals("goteborg", SearchText.key("Göteborg"));
        assertEquals("arhus", SearchText.key("Århus"));
        assertEquals("rendsburg eckernforde", SearchText.key("Rendsburg-Eckernförde"));
        assertEquals("plon", SearchText.key("Plön"));
    }

    @Test
    void spellsOutLettersWithoutDecomposition() {
        assertEquals("tromso", SearchText.key("Tromsø"));
        assertEquals("strasse", SearchText.key("Straße"));
        assertEquals("lodz", SearchText.key("Łódź"));
    }

    @Test
    void foldsWhitespaceAndDashes() {
        assertEquals("korridor hamburg oslo", SearchText.key("  Korridor   Hamburg–Oslo "));
        assertEquals("", SearchText.key(null));
    }
}
