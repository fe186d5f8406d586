package org.latentlab.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.classroom.AccountService;
import org.latentlab.classroom.AccountSummary;
import org.latentlab.classroom.ClassroomFixture;
import org.latentlab.classroom.ClassroomService;
import org.latentlab.classroom.NewAccount;
import org.latentlab.classroom.SignIn;
import org.latentlab.test.ApplicationTest;
import org.latentlab.test.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Backing up a school's database and restoring it as docs/operations.md says, on a database with every kind of
 * row: H2's online backup (in the H2 test run, on a database on disk as in production) unzipped into a new data
 * folder, and PostgreSQL's {@code pg_dump}/{@code pg_restore} (in the PostgreSQL test run) restore a database
 * equal to the original row by row.
 */
@ApplicationTest
class BackupRestoreTest {

    /** H2 backs up only a database on disk: this context's database lives here in the H2 run. */
    static final Path H2_FOLDER = Path.of("target", "backup-restore-test", UUID.randomUUID().toString())
            .toAbsolutePath();

    @DynamicPropertySource
    static void h2OnDisk(DynamicPropertyRegistry registry) {
        if (!TestDatabases.postgresql()) {
            registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + H2_FOLDER.resolve("db/latentlab")
                    + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
        }
    }

    @Autowired
    EveryKindOfRow school;
    @Autowired
    ClassroomFixture fixture;
    @Autowired
    SignIn signIn;
    @Autowired
    DatabaseBackups backups;
    @Autowired
    AccountService accounts;
    @Autowired
    ClassroomService classrooms;
    @Autowired
    DataSource dataSource;

    @TempDir
    Path work;

    final List<Path> taken = new ArrayList<>();

    @AfterEach
    void cleanUp() throws IOException {
        for (Path file : taken) {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void anOnlineH2BackupUnzippedIntoANewDataFolderHoldsEveryRowAsItWasWhenTaken() throws Exception {
        Assumptions.assumeFalse(TestDatabases.postgresql(), "H2's backup: runs in the H2 test run");
        AccountSummary admin = school.build();
        Map<String, List<String>> original = TableRows.of(dataSource);
        List<String> history = history(dataSource);
        assertThat(original).allSatisfy((table, rows) -> assertThat(rows).as(table).isNotEmpty());

        signIn.as(admin);
        DatabaseBackups.Backup backup = backups.backUp();
        taken.add(backup.file());
        assertThat(backups.backups()).extracting(DatabaseBackups.Backup::name).contains(backup.name());
        // Work goes on after the backup; the backup keeps the moment it was taken.
        fixture.quickStudent("latecomer");

        // The restore as docs/operations.md says: the zip holds one file, unzipped into a new data folder's db/.
        Path db = Files.createDirectories(work.resolve("data/db"));
        assertThat(unzip(backup.file(), db)).containsExactly("latentlab.mv.db");
        String url = "jdbc:h2:file:" + db.resolve("latentlab") + ";DB_CLOSE_ON_EXIT=FALSE";
        try {
            DataSource restored = new DriverManagerDataSource(url, "sa", "");
            // What the app does when it starts on it: Flyway finds the schema up to date.
            assertThat(Flyway.configure().dataSource(restored)
                    .locations("classpath:db/migration", "classpath:db/vendor/h2").load().migrate()
                    .migrationsExecuted).isZero();
            Map<String, List<String>> rows = TableRows.of(restored);
            assertThat(rows.keySet()).containsExactlyElementsOf(original.keySet());
            original.forEach((table, expected) -> assertThat(rows.get(table)).as(table)
                    .containsExactlyElementsOf(expected));
            assertThat(history(restored)).isEqualTo(history);
        } finally {
            try (Connection connection = DriverManager.getConnection(url, "sa", "");
                    Statement statement = connection.createStatement()) {
                statement.execute("shutdown");
            }
        }
    }

    @Test
    void aBackupTakenWhileStudentsRegisterHoldsEachRegistrationWholeAndNoneFromAfterIt() throws Exception {
        Assumptions.assumeFalse(TestDatabases.postgresql(), "H2's backup: runs in the H2 test run");
        AccountSummary admin = fixture.admin();
        signIn.as(fixture.teacher("rivka"));
        String joinCode = classrooms.createClass("Year 11").joinCode();
        signIn.out();
        // Students keep registering with the join code: each registration writes an account and an enrollment in
        // one transaction.
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger registered = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread registering = Thread.ofPlatform().name("registering-students").start(() -> {
            try {
                for (int i = 0; !stop.get(); i++) {
                    accounts.registerStudent(new NewAccount("busy" + i, "Busy " + i, ClassroomFixture.PASSWORD,
                            ClassroomFixture.PASSWORD, joinCode));
                    registered.incrementAndGet();
                }
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        DatabaseBackups.Backup backup;
        int before;
        int after;
        try {
            await(() -> registered.get() >= 2 || failure.get() != null);
            signIn.as(admin);
            before = registered.get();
            backup = backups.backUp();
            taken.add(backup.file());
            after = registered.get();
            int done = after;
            await(() -> registered.get() >= done + 2 || failure.get() != null);
        } finally {
            stop.set(true);
            registering.join();
        }
        assertThat(failure.get()).isNull();

        Path db = Files.createDirectories(work.resolve("data/db"));
        unzip(backup.file(), db);
        String url = "jdbc:h2:file:" + db.resolve("latentlab") + ";DB_CLOSE_ON_EXIT=FALSE";
        try {
            JdbcClient restored = JdbcClient.create(new DriverManagerDataSource(url, "sa", ""));
            long students = restored.sql("select count(*) from user_account where username like 'busy%'")
                    .query(Long.class).single();
            // Everyone registered before the backup began is in it, no one registered after it ended...
            assertThat(students).isBetween((long) before, (long) after + 1);
            // ...and each one whole: with the enrollment written in the same transaction, and nothing more.
            assertThat(restored.sql("select count(*) from user_account u join enrollment e on e.student_id = u.id "
                    + "where u.username like 'busy%'").query(Long.class).single()).isEqualTo(students);
            assertThat(restored.sql("select count(*) from enrollment").query(Long.class).single())
                    .isEqualTo(students);
        } finally {
            try (Connection connection = DriverManager.getConnection(url, "sa", "");
                    Statement statement = connection.createStatement()) {
                statement.execute("shutdown");
            }
        }
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("within two minutes").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    @Test
    void pgDumpOfTheAppsPostgresqlDatabaseRestoredWithPgRestoreIsEqualRowByRow() throws Exception {
        Assumptions.assumeTrue(TestDatabases.postgresql(), "pg_dump and pg_restore: run in the PostgreSQL test run");
        Path bin = postgresqlTools();
        school.build();
        Map<String, List<String>> original = TableRows.of(dataSource);
        List<String> history = history(dataSource);
        assertThat(original).allSatisfy((table, rows) -> assertThat(rows).as(table).isNotEmpty());

        String url;
        try (Connection connection = dataSource.getConnection()) {
            url = connection.getMetaData().getURL();
        }
        URI address = URI.create(url.substring("jdbc:".length()));
        String database = address.getPath().substring(1);
        String restoredName = database + "_restored";
        List<String> server = List.of("--host=" + address.getHost(), "--port=" + address.getPort(),
                "--username=" + TestDatabases.user());
        Path dump = work.resolve("latentlab-20261204-101500.dump");

        // The commands in docs/operations.md, while the app keeps running.
        run(bin, "pg_dump", "--format=custom", "--file=" + dump, server, database);
        try {
            run(bin, "createdb", "--owner=" + TestDatabases.user(), server, restoredName);
            run(bin, "pg_restore", "--no-owner", "--role=" + TestDatabases.user(), "--dbname=" + restoredName,
                    server, dump.toString());

            String restoredUrl = url.replaceFirst("/" + database + "(?=$|\\?)", "/" + restoredName);
            DataSource restored = new DriverManagerDataSource(restoredUrl, TestDatabases.user(),
                    TestDatabases.password());
            Map<String, List<String>> rows = TableRows.of(restored);
            assertThat(rows.keySet()).containsExactlyElementsOf(original.keySet());
            original.forEach((table, expected) -> assertThat(rows.get(table)).as(table)
                    .containsExactlyElementsOf(expected));
            assertThat(history(restored)).isEqualTo(history);
            // The identity sequences come along: the next account gets a new id.
            JdbcClient jdbc = JdbcClient.create(restored);
            long highest = jdbc.sql("select max(id) from user_account").query(Long.class).single();
            assertThat(jdbc.sql("select nextval(pg_get_serial_sequence('user_account', 'id'))").query(Long.class)
                    .single()).isGreaterThan(highest);
        } finally {
            try (Connection admin = DriverManager.getConnection(TestDatabases.serverUrl(), TestDatabases.user(),
                    TestDatabases.password()); Statement statement = admin.createStatement()) {
                statement.execute("drop database if exists " + restoredName + " with (force)");
            }
        }
    }

    /** PostgreSQL's client tools (Debian's layout), or the test is skipped. */
    private static Path postgresqlTools() throws IOException {
        Path versions = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(versions)) {
            try (Stream<Path> folders = Files.list(versions)) {
                List<Path> bins = folders.map(folder -> folder.resolve("bin"))
                        .filter(bin -> Files.isExecutable(bin.resolve("pg_dump"))
                                && Files.isExecutable(bin.resolve("pg_restore")))
                        .sorted(Comparator.comparing(bin -> version(bin.getParent()))).toList();
                if (!bins.isEmpty()) {
                    return bins.getLast();
                }
            }
        }
        Assumptions.abort("skipped: no pg_dump and pg_restore in /usr/lib/postgresql/<version>/bin");
        return null;
    }

    private static int version(Path folder) {
        try {
            return Integer.parseInt(folder.getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void run(Path bin, String tool, Object... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(bin.resolve(tool).toString()));
        for (Object argument : arguments) {
            if (argument instanceof List<?> list) {
                list.forEach(item -> command.add(item.toString()));
            } else {
                command.add(argument.toString());
            }
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", TestDatabases.password());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as(tool + " ends").isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
    }

    /** Extracts the zip into the folder and returns the names of its entries. */
    private static List<String> unzip(Path zip, Path folder) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
                Path file = folder.resolve(entry.getName()).normalize();
                assertThat(file.startsWith(folder)).as(entry.getName() + " stays in " + folder).isTrue();
                Files.createDirectories(file.getParent());
                Files.copy((InputStream) in, file);
            }
        }
        return names;
    }

    /** Flyway's history, every column (the names are lower case on both databases, so quoted). */
    private static List<String> history(DataSource dataSource) {
        return JdbcClient.create(dataSource)
                .sql("select * from \"flyway_schema_history\" order by \"installed_rank\"").query().listOfRows()
                .stream().map(Object::toString).toList();
    }
}
