package org.latentlab.challenge;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.latentlab.base.InvalidInputException;
import org.latentlab.classroom.AccountSummary;
import org.latentlab.classroom.ClassSummary;
import org.latentlab.classroom.ClassroomFixture;
import org.latentlab.classroom.ClassroomService;
import org.latentlab.classroom.SignIn;
import org.latentlab.ml.HeldOutDigits;
import org.latentlab.playground.LatentSpace;
import org.latentlab.playground.LatentSpaces;
import org.latentlab.test.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where the challenge services' tests play: teacher Rivka's class Year 11 with the students Amina and Budi, Carol
 * in no class, the shipped 2-D VAE, and every challenge service.
 */
@ApplicationTest
abstract class ChallengeClassroom {

    @Autowired
    ChallengeLifecycle lifecycle;
    @Autowired
    ChallengeSubmissions submissions;
    @Autowired
    ChallengeLeaderboard leaderboard;
    @Autowired
    ChallengeVotes votes;
    @Autowired
    ChallengeExport export;
    @Autowired
    LatentSpaces spaces;
    @Autowired
    HeldOutDigits digits;
    @Autowired
    ClassroomFixture fixture;
    @Autowired
    ClassroomService classrooms;
    @Autowired
    SignIn signIn;
    @Autowired
    JdbcClient jdbc;

    AccountSummary rivka;
    AccountSummary amina;
    AccountSummary budi;
    AccountSummary carol;
    ClassSummary year11;
    LatentSpace vae;

    @BeforeEach
    void aClassWithTwoStudentsAndAnOutsider() {
        rivka = fixture.teacher("rivka");
        amina = fixture.student("amina");
        budi = fixture.student("budi");
        carol = fixture.student("carol");
        signIn.as(rivka);
        year11 = classrooms.createClass("Year 11");
        for (AccountSummary student : List.of(amina, budi)) {
            signIn.as(student);
            classrooms.join(year11.joinCode());
        }
        vae = spaces.open("shipped:vae-2d");
    }

    static String refusal(Runnable action) {
        try {
            action.run();
        } catch (InvalidInputException refused) {
            return refused.messageKey();
        }
        throw new AssertionError("expected a refusal");
    }

    /** Rivka opens a challenge of this kind for Year 11 on the 2-D VAE, for ten minutes, without a class vote. */
    Challenge open(ChallengeKind kind, KeepPolicy keep) {
        signIn.as(rivka);
        return lifecycle.create(year11.id(), new ChallengeSettings(kind, 7, 80, 1, 7, 5, false, 0.5, 0),
                "shipped:vae-2d", keep, 10, false);
    }

    /** The code of a held-out example of a digit: a good answer. */
    float[] codeOf(int digit) {
        return vae.encode(digits.randomOf(digit, new Random(digit)).pixels());
    }

    /** A student of Year 11 without a usable password (hashing dozens of passwords would take seconds). */
    AccountSummary quickMember(String username) {
        AccountSummary student = fixture.quickStudent(username);
        signIn.as(student);
        classrooms.join(year11.joinCode());
        signIn.out();
        return student;
    }
}
