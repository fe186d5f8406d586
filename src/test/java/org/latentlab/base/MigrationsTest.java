package org.latentlab.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * A migration that a school's database has applied must never change: Flyway would refuse to start on that data
 * folder. Schema changes go into a new migration. (Ones not yet released may be added to this list when they are.)
 */
class MigrationsTest {

    /** Released migrations and the start of their SHA-256. */
    private static final Map<String, String> RELEASED = Map.of(
            "db/migration/V1__accounts_and_classes.sql", "94a5d6fe34021f1f",
            "db/migration/V2__lessons.sql", "ced70d6f3477c18d",
            "db/migration/V3__quizzes.sql", "a5609c176b6a3ffb",
            "db/migration/V4__class_joining.sql", "a122fef2645285df",
            "db/migration/V5__lab_runs.sql", "84f6e03926584969",
            "db/migration/V6__challenges.sql", "957a211a2148bbc3",
            "db/migration/V7__class_votes.sql", "9d346e46ceee1789");

    @Test
    void releasedMigrationsAreNeverEdited() throws IOException, NoSuchAlgorithmException {
        for (Map.Entry<String, String> migration : RELEASED.entrySet()) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(migration.getKey())) {
                assertThat(in).as(migration.getKey()).isNotNull();
                String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
                assertThat(digest).as(migration.getKey() + " was edited; add a new migration instead")
                        .startsWith(migration.getValue());
            }
        }
    }
}
