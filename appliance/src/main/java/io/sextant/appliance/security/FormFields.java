package io.sextant.appliance.security;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Reads one field of an {@code application/x-www-form-urlencoded} body. */
final class FormFields {

    private FormFields() {
    }

    static String first(String body, String name) {
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (decode(key).equals(name)) {
                return eq < 0 ? "" : decode(pair.substring(eq + 1));
            }
        }
        return null;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
