package org.latentlab.base.web;

import java.util.Locale;
import java.util.Map;

import org.latentlab.base.InvalidInputException;
import org.latentlab.base.Language;
import org.latentlab.base.TemporarilyUnavailableException;
import org.latentlab.base.TooManyRequestsException;
import org.latentlab.base.Translations;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * JSON endpoints answer bad input with 400 and a readable message in the caller's language, never a trace; a
 * request that can be served soon gets 503 with {@code Retry-After}.
 */
@RestControllerAdvice
class ApiErrors {

    private final Translations translations;

    ApiErrors(Translations translations) {
        this.translations = translations;
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Map<String, String>> invalidInput(InvalidInputException problem, Locale locale) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(body(problem, locale));
    }

    @ExceptionHandler(TemporarilyUnavailableException.class)
    ResponseEntity<Map<String, String>> temporarilyUnavailable(TemporarilyUnavailableException problem,
            Locale locale) {
        long seconds = Math.max(1, problem.retryAfter().toSeconds());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)).body(body(problem, locale));
    }

    @ExceptionHandler(TooManyRequestsException.class)
    ResponseEntity<Map<String, String>> tooManyRequests(TooManyRequestsException problem, Locale locale) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(problem.retryAfterSeconds())).body(body(problem, locale));
    }

    private Map<String, String> body(InvalidInputException problem, Locale locale) {
        String message = translations.getTranslation(problem.messageKey(), Language.fromLocale(locale).locale(),
                problem.arguments());
        return Map.of("field", problem.field(), "message", message);
    }
}
