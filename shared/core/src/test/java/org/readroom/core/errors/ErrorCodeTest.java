package org.readroom.core.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ErrorCodeTest {

    @Test
    void codesAreUnique() {
        Set<String> codes = new HashSet<>();
        for (ErrorCode code : ErrorCode.values()) {
            assertTrue(codes.add(code.code()), "duplicate error code " + code.code());
        }
    }

    @Test
    void everyCodeHasASentenceInEnglishAndChineseAndTheBundlesHaveNoExtras() {
        Set<String> keys =
                Arrays.stream(ErrorCode.values()).map(ErrorCode::messageKey).collect(Collectors.toSet());
        for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE}) {
            ResourceBundle bundle = ResourceBundle.getBundle(
                    "org.readroom.core.errors.messages",
                    locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT));
            assertEquals(keys, bundle.keySet(), locale.toString());
        }
        assertNotEquals(
                ErrorCode.LOGIN_FAILED.message(Locale.ENGLISH),
                ErrorCode.LOGIN_FAILED.message(Locale.SIMPLIFIED_CHINESE));
        assertTrue(ErrorCode.LOGIN_FAILED.message(Locale.SIMPLIFIED_CHINESE).contains("准考证号"));
    }
}
