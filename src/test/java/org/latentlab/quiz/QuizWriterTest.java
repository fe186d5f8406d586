package org.latentlab.quiz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.latentlab.base.Language;
import org.latentlab.classroom.ClassroomFixture;
import org.latentlab.classroom.SignIn;
import org.latentlab.test.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Group commit, switched on for both databases here (by default only H2 uses it): writes waiting together share one
 * transaction, and one that fails (here a foreign key) fails alone, behind its savepoint, while the others are
 * committed; on PostgreSQL an error would otherwise abort the whole transaction.
 */
@ApplicationTest(properties = "latentlab.quiz.group-commit=true")
class QuizWriterTest {

    @Autowired
    QuizWriter writer;
    @Autowired
    QuizRecords records;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ClassroomFixture fixture;
    @Autowired
    SignIn signIn;
    @Autowired
    AttemptService attempts;

    @Test
    void aFailingWriteFailsAloneAndTheOthersWaitingWithItAreCommitted() throws Exception {
        signIn.as(fixture.student("amina"));
        long attemptId = attempts.startOrResume("lab-conv-ae", Language.ENGLISH).attempt().attemptId();
        signIn.out();

        ExecutorService callers = Executors.newFixedThreadPool(12);
        try {
            // The first write holds the writer until the others are all waiting, so they form one batch.
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Future<Integer> first = callers.submit(() -> writer.write(() -> {
                holding.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return 0;
            }));
            assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
            List<Future<Integer>> good = new ArrayList<>();
            Future<Integer> bad = null;
            for (int i = 1; i <= 10; i++) {
                int n = i;
                if (i == 4) {
                    bad = callers.submit(() -> writer.write(() -> jdbc.sql("insert into quiz_answer (attempt_id, "
                            + "question_id, answer, saved_at) values (?, 'nowhere', '{}', ?)")
                            .params(-42L, Timestamp.from(Instant.now())).update()));
                }
                good.add(callers.submit(() -> writer.write(() -> {
                    records.upsertAnswer(attemptId, "q" + n, "{\"value\":true}", Instant.now());
                    return n;
                })));
            }
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (writer.waiting() < 11 && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            assertThat(writer.waiting()).isEqualTo(11);
            release.countDown();

            assertThat(first.get(30, TimeUnit.SECONDS)).isZero();
            for (int i = 0; i < good.size(); i++) {
                assertThat(good.get(i).get(30, TimeUnit.SECONDS)).isEqualTo(i + 1);
            }
            Future<Integer> failed = bad;
            assertThatThrownBy(() -> failed.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(DataIntegrityViolationException.class);
        } finally {
            callers.shutdownNow();
        }
        assertThat(records.answers(attemptId)).extracting(QuizRecords.AnswerRow::questionId)
                .containsExactlyInAnyOrder("q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "q10");
    }
}
