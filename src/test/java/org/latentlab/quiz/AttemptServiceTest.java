package org.latentlab.quiz;

import org.latentlab.test.ApplicationTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.latentlab.base.InvalidInputException;
import org.latentlab.base.Language;
import org.latentlab.classroom.AccountSummary;
import org.latentlab.classroom.ClassSummary;
import org.latentlab.classroom.ClassroomFixture;
import org.latentlab.classroom.ClassroomService;
import org.latentlab.classroom.SignIn;
import org.latentlab.lesson.LessonProgressService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

@ApplicationTest
class AttemptServiceTest {

    @Autowired
    ClassroomFixture fixture;
    @Autowired
    SignIn signIn;
    @Autowired
    AttemptService attempts;
    @Autowired
    QuizCatalog catalog;
    @Autowired
    ClassroomService classrooms;
    @Autowired
    LessonProgressService progress;
    @Autowired
    JdbcClient jdbc;

    AccountSummary amina;

    @BeforeEach
    void aStudent() {
        amina = fixture.student("amina");
    }

    private Quiz post() {
        return catalog.active("autoencoders-post").orElseThrow().quiz();
    }

    /** The right answer to a question, as a student would give it. */
    static GivenAnswer rightAnswer(Question q) {
        return switch (q.type()) {
            case SINGLE, MULTIPLE -> new GivenAnswer.Choices(q.options().stream().filter(Choice::correct)
                    .map(Choice::id).collect(java.util.stream.Collectors.toSet()));
            case TRUE_FALSE -> new GivenAnswer.TrueFalse(q.answer());
            case NUMERIC -> new GivenAnswer.Number(q.numeric().value());
            case ORDER -> new GivenAnswer.Order(q.steps().stream().map(Step::id).toList());
        };
    }

    @Test
    void everyAnswerIsStoredAtOnceAndComesBackWhenTheStudentReturns() {
        signIn.as(amina);
        AttemptSheet sheet = attempts.startOrResume("autoencoders-post", Language.TAGALOG);
        Question first = post().questions().getFirst();
        attempts.save(sheet.attempt().attemptId(), first.id(), rightAnswer(first));
        // Changing one's mind replaces the answer; nothing is doubled.
        attempts.save(sheet.attempt().attemptId(), first.id(), rightAnswer(first));
        assertThat(jdbc.sql("select count(*) from quiz_answer").query(Long.class).single()).isEqualTo(1);

        // Later (another tab, or after a restart): the same attempt, with the answer.
        AttemptSheet again = attempts.startOrResume("autoencoders-post", Language.TAGALOG);
        assertThat(again.attempt().attemptId()).isEqualTo(sheet.attempt().attemptId());
        assertThat(again.saved()).containsEntry(first.id(), rightAnswer(first));
        assertThat(again.title()).isEqualTo(post().title().in(Language.TAGALOG));
    }

    @Test
    void theSheetGivesNoRightAnswerAway() {
        signIn.as(amina);
        AttemptSheet sheet = attempts.startOrResume("autoencoders-post", Language.ENGLISH);
        String everything = sheet.toString();
        for (Question question : post().questions()) {
            assertThat(everything).doesNotContain(question.explanation().in(Language.ENGLISH));
        }
        assertThat(everything).doesNotContainIgnoringCase("correct=");
        // Order questions never start in the right order.
        for (AttemptSheet.SheetQuestion q : sheet.questions()) {
            if (q.type() == QuestionType.ORDER) {
                Question original = post().question(q.id()).orElseThrow();
                assertThat(q.items().stream().map(AttemptSheet.Item::id).toList())
                        .isNotEqualTo(original.steps().stream().map(Step::id).toList());
            }
        }
    }

    @Test
    void submittingTwiceScoresOnceAndGivesTheSameResult() {
        signIn.as(amina);
        AttemptSheet sheet = attempts.startOrResume("autoencoders-post", Language.ENGLISH);
        for (Question question : post().questions()) {
            attempts.save(sheet.attempt().attemptId(), question.id(), rightAnswer(question));
        }
        AttemptOutcome first = attempts.submit(sheet.attempt().attemptId(), Language.ENGLISH);
        AttemptOutcome second = attempts.submit(sheet.attempt().attemptId(), Language.ENGLISH);
        assertThat(first.attempt().score()).isEqualTo(post().maxPoints());
        assertThat(second.attempt()).isEqualTo(first.attempt());
        assertThat(jdbc.sql("select count(*) from quiz_attempt").query(Long.class).single()).isEqualTo(1);
        assertThatThrownBy(() -> attempts.save(sheet.attempt().attemptId(), post().questions().getFirst().id(),
                rightAnswer(post().questions().getFirst())))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("quiz.alreadySubmitted"));
        // The submitted post-lesson quiz shows in the lesson progress.
        assertThat(progress.myProgress("autoencoders").postQuizDone()).isTrue();
    }

    @Test
    void twoTabsStartingAndSubmittingAtTheSameMomentMakeOneAttemptAndOneResult() throws Exception {
        java.util.concurrent.ExecutorService tabs = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.concurrent.Callable<Long> open = () -> {
                signIn.as(amina);
                try {
                    return attempts.startOrResume("lab-conv-ae", Language.ENGLISH).attempt().attemptId();
                } finally {
                    signIn.out();
                }
            };
            List<java.util.concurrent.Future<Long>> opened = tabs.invokeAll(List.of(open, open, open, open));
            Set<Long> ids = new java.util.HashSet<>();
            for (java.util.concurrent.Future<Long> id : opened) {
                ids.add(id.get());
            }
            assertThat(ids).hasSize(1);
            long id = ids.iterator().next();
            java.util.concurrent.Callable<Double> submit = () -> {
                signIn.as(amina);
                try {
                    return attempts.submit(id, Language.ENGLISH).attempt().score();
                } finally {
                    signIn.out();
                }
            };
            for (java.util.concurrent.Future<Double> score : tabs.invokeAll(List.of(submit, submit, submit))) {
                assertThat(score.get()).isZero();
            }
        } finally {
            tabs.shutdown();
        }
        assertThat(jdbc.sql("select count(*) from quiz_attempt where quiz_id = 'lab-conv-ae'").query(Long.class)
                .single()).isEqualTo(1);
    }

    static GivenAnswer wrongAnswer(Question q) {
        return switch (q.type()) {
            case SINGLE, MULTIPLE -> new GivenAnswer.Choices(Set.of(q.options().stream().filter(o -> !o.correct())
                    .findFirst().orElseThrow().id()));
            case TRUE_FALSE -> new GivenAnswer.TrueFalse(!q.answer());
            case NUMERIC -> new GivenAnswer.Number(q.numeric().value() + 1000);
            case ORDER -> new GivenAnswer.Order(q.steps().reversed().stream().map(Step::id).toList());
        };
    }

    /**
     * The security review's race: twelve tabs keep saving answers (right and wrong by turns) while the student
     * submits. Every answer is either stored before the submission, and scored, or refused: none is stored after
     * it, and the score is exactly that of the stored answers.
     */
    @Test
    void answersRacingTheSubmissionAreScoredOrRefusedNeverStoredAfterIt() throws Exception {
        Quiz quiz = catalog.active("lab-conv-ae").orElseThrow().quiz();
        List<Question> questions = quiz.questions();
        int tabs = 12;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(tabs);
        try {
            for (int round = 0; round < 5; round++) {
                signIn.as(amina);
                long id = attempts.startOrResume("lab-conv-ae", Language.ENGLISH).attempt().attemptId();
                signIn.out();
                java.util.concurrent.CountDownLatch saving = new java.util.concurrent.CountDownLatch(tabs);
                List<java.util.concurrent.Future<Integer>> savers = new java.util.ArrayList<>();
                for (int tab = 0; tab < tabs; tab++) {
                    int t = tab;
                    savers.add(pool.submit(() -> {
                        signIn.as(amina);
                        try {
                            for (int k = 0; ; k++) {
                                Question q = questions.get((t + k) % questions.size());
                                try {
                                    attempts.save(id, q.id(), (t + k) % 2 == 0 ? rightAnswer(q) : wrongAnswer(q));
                                } catch (InvalidInputException refused) {
                                    assertThat(refused.messageKey()).isEqualTo("quiz.alreadySubmitted");
                                    return k;
                                } finally {
                                    if (k == 0) {
                                        saving.countDown();
                                    }
                                }
                            }
                        } finally {
                            signIn.out();
                        }
                    }));
                }
                assertThat(saving.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
                signIn.as(amina);
                AttemptOutcome outcome = attempts.submit(id, Language.ENGLISH);
                signIn.out();
                for (java.util.concurrent.Future<Integer> saver : savers) {
                    saver.get(60, java.util.concurrent.TimeUnit.SECONDS);
                }
                assertThat(jdbc.sql("select count(*) from quiz_answer a, quiz_attempt t where a.attempt_id = t.id "
                        + "and t.id = ? and a.saved_at > t.submitted_at").param(id).query(Long.class).single())
                        .as("answers stored after the submission (round %d)", round).isZero();
                assertThat(outcome.attempt().score()).as("score of round %d", round)
                        .isEqualTo(AttemptService.score(quiz, attempts.answers(id)));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theAttemptLimitAndTheTimeLimitAreEnforcedOnTheServer() {
        signIn.as(amina);
        AttemptSheet pre = attempts.startOrResume("autoencoders-pre", Language.ENGLISH);
        attempts.submit(pre.attempt().attemptId(), Language.ENGLISH);
        assertThatThrownBy(() -> attempts.startOrResume("autoencoders-pre", Language.ENGLISH))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("quiz.noAttemptsLeft"));

        AttemptSheet post = attempts.startOrResume("autoencoders-post", Language.ENGLISH);
        assertThat(post.deadline()).isNotNull();
        Question first = post().questions().getFirst();
        attempts.save(post.attempt().attemptId(), first.id(), rightAnswer(first));
        jdbc.sql("update quiz_attempt set deadline = ? where id = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(60)), post.attempt().attemptId()).update();
        assertThatThrownBy(() -> attempts.save(post.attempt().attemptId(), first.id(), rightAnswer(first)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("quiz.timeUp"));
        // The answers saved in time were submitted and count.
        AttemptOutcome outcome = attempts.outcome(post.attempt().attemptId(), Language.ENGLISH);
        assertThat(outcome.attempt().score()).isEqualTo(first.points());
    }

    @Test
    void answersThatDoNotFitTheQuestionAreRefused() {
        signIn.as(amina);
        AttemptSheet sheet = attempts.startOrResume("autoencoders-post", Language.ENGLISH);
        Question choice = post().questions().stream().filter(q -> q.type() == QuestionType.SINGLE).findFirst()
                .orElseThrow();
        assertThatThrownBy(() -> attempts.save(sheet.attempt().attemptId(), choice.id(),
                new GivenAnswer.Choices(Set.of("no-such-option")))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> attempts.save(sheet.attempt().attemptId(), "no-such-question",
                new GivenAnswer.TrueFalse(true))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> attempts.save(sheet.attempt().attemptId(), choice.id(),
                new GivenAnswer.Number(1))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aStudentReachesOnlyTheirOwnAttemptsAndATeacherOnlyTheirStudents() {
        AccountSummary budi = fixture.student("budi");
        AccountSummary rivka = fixture.teacher("rivka");
        AccountSummary other = fixture.teacher("other");
        signIn.as(rivka);
        ClassSummary year11 = classrooms.createClass("Year 11");
        signIn.as(amina);
        classrooms.join(year11.joinCode());
        AttemptSheet sheet = attempts.startOrResume("autoencoders-post", Language.ENGLISH);
        long id = sheet.attempt().attemptId();
        attempts.submit(id, Language.ENGLISH);

        signIn.as(budi);
        Question first = post().questions().getFirst();
        assertThatThrownBy(() -> attempts.sheet(id, Language.ENGLISH)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> attempts.save(id, first.id(), rightAnswer(first)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> attempts.submit(id, Language.ENGLISH)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> attempts.outcome(id, Language.ENGLISH)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> attempts.outcome(id + 1000, Language.ENGLISH))
                .isInstanceOf(AccessDeniedException.class);

        signIn.as(rivka);
        assertThat(attempts.outcome(id, Language.ENGLISH).questions()).hasSize(post().questions().size());
        signIn.as(other);
        assertThatThrownBy(() -> attempts.outcome(id, Language.ENGLISH)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anEditedQuizIsANewVersionAndEarlierAttemptsKeepTheirs() {
        Quiz original = catalog.active("lab-vae-2d").orElseThrow().quiz();
        signIn.as(amina);
        long earlier = attempts.startOrResume("lab-vae-2d", Language.ENGLISH).attempt().attemptId();
        attempts.submit(earlier, Language.ENGLISH);

        java.util.Map<Language, String> titles = new java.util.EnumMap<>(original.title().texts());
        titles.put(Language.ENGLISH, "Lab quiz (edited)");
        Quiz edited = new Quiz(original.id(), original.lesson(), original.kind(), original.experiment(),
                new LocalizedText(titles), original.policy(), original.questions());
        signIn.as(fixture.admin());
        int before = catalog.active("lab-vae-2d").orElseThrow().version();
        try {
            assertThat(catalog.addImported(edited).version()).isEqualTo(before + 1);
            signIn.as(amina);
            assertThat(attempts.outcome(earlier, Language.ENGLISH).title()).isEqualTo(
                    original.title().in(Language.ENGLISH));
            AttemptSheet next = attempts.startOrResume("lab-vae-2d", Language.ENGLISH);
            assertThat(next.title()).isEqualTo("Lab quiz (edited)");
            assertThat(next.attempt().versionId()).isNotEqualTo(attempts.myAttempts("lab-vae-2d").getFirst()
                    .versionId());
        } finally {
            signIn.as(fixture.account("admin"));
            catalog.addImported(original);
        }
    }

    @Test
    void everyQuizFileIsOnOfferInAllSixLanguages() {
        assertThat(catalog.active()).extracting(v -> v.quiz().id()).contains("autoencoders-pre",
                "autoencoders-post", "lab-conv-ae", "lab-denoising-ae", "lab-vae-2d", "lab-conv-vae");
        assertThat(catalog.lastReport().problems()).isEmpty();
        // The quiz files; quizzes imported by other tests (practice quizzes, one language) are not files.
        for (QuizCatalog.QuizVersion version : catalog.active().stream()
                .filter(v -> v.quiz().kind() != Quiz.Kind.PRACTICE).toList()) {
            for (Language language : Language.values()) {
                assertThat(version.quiz().title().has(language)).isTrue();
            }
        }
        List<QuestionType> types = catalog.active().stream().flatMap(v -> v.quiz().questions().stream())
                .map(Question::type).distinct().toList();
        assertThat(types).containsExactlyInAnyOrder(QuestionType.values());
    }

    @Test
    void aQuizInJapaneseIsTakenInJapaneseByAStudentWhoReadsMalay() {
        String json = "[{\"title\": \"AI\", \"quizzes\": [{\"id\": 917, \"title\": \"オートエンコーダー\", "
                + "\"quiz\": [{\"questionText\": \"潜在空間とは何ですか？\", \"answerOptions\": ["
                + "{\"answerText\": \"圧縮された表現\", \"isCorrect\": \"true\"}, "
                + "{\"answerText\": \"画像の色\", \"isCorrect\": \"false\"}]}]}]}]";
        Quiz japanese = org.latentlab.quiz.format.QuizAppFormat.read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "ja.json", org.latentlab.base.ContentLanguage.parse("ja").orElseThrow()).quizzes().getFirst();
        signIn.as(fixture.admin());
        catalog.addImported(japanese);
        signIn.as(amina);

        AttemptSheet sheet = attempts.startOrResume(japanese.id(), Language.MALAY);

        assertThat(sheet.title()).isEqualTo("オートエンコーダー");
        assertThat(sheet.questions().getFirst().text()).isEqualTo("潜在空間とは何ですか？");
        assertThat(sheet.content().tag()).isEqualTo("ja");
    }
}
