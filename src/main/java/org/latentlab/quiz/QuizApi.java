package org.latentlab.quiz;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.latentlab.base.Language;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The quiz-taking flow as JSON, for clients other than the quiz page (and the load benchmark): start or resume an
 * attempt, save one answer, submit. Same service, same rules: the signed-in user's own attempts only, no right
 * answer before submission.
 */
@RestController
@RequestMapping("/api")
class QuizApi {

    private final AttemptService attempts;

    QuizApi(AttemptService attempts) {
        this.attempts = attempts;
    }

    @PostMapping("/quizzes/{quizId}/attempt")
    AttemptSheet startOrResume(@PathVariable String quizId, Locale locale) {
        return attempts.startOrResume(quizId, Language.fromLocale(locale));
    }

    /** Body: {"choices": [...]}, {"value": true}, {"number": 1.5} or {"order": [...]}. */
    @PutMapping("/attempts/{attemptId}/answers/{questionId}")
    Map<String, Instant> save(@PathVariable long attemptId, @PathVariable String questionId,
            @RequestBody String answer) {
        GivenAnswer given;
        try {
            given = AnswerCodec.read(answer);
        } catch (RuntimeException malformed) {
            throw new org.latentlab.base.InvalidInputException("answer", "quiz.answerInvalid");
        }
        return Map.of("savedAt", attempts.save(attemptId, questionId, given));
    }

    @PostMapping("/attempts/{attemptId}/submit")
    Map<String, Object> submit(@PathVariable long attemptId, Locale locale) {
        AttemptOutcome outcome = attempts.submit(attemptId, Language.fromLocale(locale));
        return Map.of("score", outcome.attempt().score(), "maxScore", outcome.attempt().maxScore(),
                "questions", outcome.questions().size());
    }

    /** Someone else's attempt and a made-up id look the same: not found. */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Map<String, List<String>>> notYours() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("errors", List.of("not found")));
    }
}
