package de.kielregion.kooperation.platform.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * Search keys that ignore case and accents, so that "Goteborg" finds "Göteborg" and "arhus"
 * finds "Århus". Letters that Unicode does not decompose (ø, æ, ß, ł, ...) are spelled out.
 */
public final class SearchText {

    private static final Map<Character, String> SPELLED = Map.ofEntries(
            Map.entry('ø', "o"),
            Map.entry('æ', "ae"),
            Map.entry('œ', "oe"),
            Map.entry('ß', "ss"),
            Map.entry('ł', "l"),
            Map.entry('đ', "d"),
            Map.entry('ð', "d"),
            Map.entry('þ', "th"),
            Map.entry('ı', "i"));

    private SearchText() {}

    /** The search key of {@code text}: lower case, without diacritics, single spaces. */
    public static String key(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        StringBuilder key = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            String spelled = SPELLED.get(c);
            if (spelled != null) {
                key.append(spelled);
            } else if (Character.isWhitespace(c) || c == '-' || c == '–') {
                if (!key.isEmpty() && key.charAt(key.length() - 1) != ' ') {
                    key.append(' ');
                }
            } else {
                key.append(c);
            }
        }
        return key.toString().trim();
    }
}
