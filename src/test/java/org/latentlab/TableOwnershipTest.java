package org.latentlab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The boundary test for data: each table belongs to one module, whose records class is the only code that names it
 * in SQL; other modules read it through that module's API. Spring Modulith sees the Java types, this test sees the
 * SQL: it reads every main source file and every migration.
 */
class TableOwnershipTest {

    /** Who owns each table the migrations create. A new table must be added here, to exactly one module. */
    private static final Map<String, String> OWNERS = Map.ofEntries(
            Map.entry("user_account", "classroom"), Map.entry("classroom", "classroom"),
            Map.entry("enrollment", "classroom"), Map.entry("server_setting", "classroom"),
            Map.entry("persistent_logins", "base"),
            Map.entry("imported_lesson", "lesson"), Map.entry("lesson_progress", "lesson"),
            Map.entry("quiz_version", "quiz"), Map.entry("quiz_attempt", "quiz"), Map.entry("quiz_answer", "quiz"),
            Map.entry("training_run", "lab"), Map.entry("training_point", "lab"),
            Map.entry("training_admission", "lab"), Map.entry("assignment_submission", "lab"),
            Map.entry("challenge", "challenge"), Map.entry("challenge_submission", "challenge"),
            Map.entry("challenge_vote", "challenge"));

    private static final Pattern CREATE = Pattern.compile("(?i)create table\\s+([a-z_]+)");
    private static final Pattern SQL_NAMING_A_TABLE = Pattern.compile(
            "(?i)\\b(?:from|join|into|update|table)\\s+\"?([a-z_]+)\"?");
    private static final Path MAIN = Path.of("src/main/java/org/latentlab");

    @Test
    void everyTableTheMigrationsCreateHasOneOwningModule() throws IOException {
        Set<String> created = new TreeSet<>();
        try (Stream<Path> migrations = Files.walk(Path.of("src/main/resources/db"))) {
            for (Path migration : migrations.filter(p -> p.toString().endsWith(".sql")).toList()) {
                Matcher table = CREATE.matcher(Files.readString(migration, StandardCharsets.UTF_8));
                while (table.find()) {
                    created.add(table.group(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        assertThat(OWNERS.keySet()).containsExactlyInAnyOrderElementsOf(created);
    }

    @Test
    void onlyTheOwningModuleNamesATableInItsSql() throws IOException {
        List<String> trespasses = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(MAIN)) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                String module = MAIN.relativize(source).getName(0).toString();
                if (module.equals("operations") || module.endsWith(".java")) {
                    continue; // the copy and backup tool works on every table, by the database's own catalogue
                }
                Matcher named = SQL_NAMING_A_TABLE.matcher(Files.readString(source, StandardCharsets.UTF_8));
                while (named.find()) {
                    String owner = OWNERS.get(named.group(1).toLowerCase(Locale.ROOT));
                    if (owner != null && !owner.equals(module)) {
                        trespasses.add(MAIN.relativize(source) + " names " + named.group(1) + " (owned by " + owner
                                + ")");
                    }
                }
            }
        }
        assertThat(trespasses).isEmpty();
    }
}
