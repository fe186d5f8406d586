package org.latentlab.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

/**
 * The packaged jar running as its own process, as on a server: for tests that kill it (SIGKILL, like kill -9) and
 * start it again on the same data folder.
 */
public final class PackagedApp implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final Path dataDir;
    private final int port;
    private final List<String> extraArguments;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final StringBuffer output = new StringBuffer();
    /** The output of the runs before the last kill, for a failed test's report. */
    private final StringBuffer earlierOutput = new StringBuffer();
    private Process process;

    public PackagedApp(Path dataDir, String... extraArguments) throws IOException {
        this.dataDir = dataDir;
        this.extraArguments = new ArrayList<>(List.of(extraArguments));
        try (ServerSocket free = new ServerSocket(0)) {
            this.port = free.getLocalPort();
        }
    }

    /** An environment variable for the process (e.g. {@code LATENTLAB_DB_URL}), from the next start on. */
    public PackagedApp environment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /**
     * Runs the jar on a new, empty database on the PostgreSQL test server ({@code TestDatabases}) instead of the
     * embedded H2 database: profile {@code postgres} with {@code LATENTLAB_DB_URL}, {@code _USER} and
     * {@code _PASSWORD}.
     */
    public PackagedApp onNewPostgresqlDatabase() {
        String active = "--spring.profiles.active=";
        extraArguments.stream().filter(a -> a.startsWith(active)).findFirst().ifPresentOrElse(
                given -> extraArguments.set(extraArguments.indexOf(given), given + ",postgres"),
                () -> extraArguments.add(active + "postgres"));
        return environment("LATENTLAB_DB_URL", org.latentlab.test.TestDatabases.createDatabase())
                .environment("LATENTLAB_DB_USER", org.latentlab.test.TestDatabases.user())
                .environment("LATENTLAB_DB_PASSWORD", org.latentlab.test.TestDatabases.password());
    }

    public int port() {
        return port;
    }

    /** The JDBC URL of the database the app uses when it was set with {@link #onNewPostgresqlDatabase}. */
    public String postgresqlUrl() {
        return environment.get("LATENTLAB_DB_URL");
    }

    public static Path jar() {
        Path jar = Path.of(System.getProperty("latentlab.jar", "target/latent-lab-0.1.0-SNAPSHOT.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No packaged jar at " + jar + ": run ./mvnw verify");
        }
        return jar;
    }

    /** Starts the jar and waits until it serves pages. */
    public PackagedApp start() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-jar", jar().toAbsolutePath().toString(),
                "--server.port=" + port, "--latentlab.data-dir=" + dataDir.toAbsolutePath()));
        command.addAll(extraArguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        process = builder.start();
        Process started = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(started.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    output.append(line).append('\n');
                }
            } catch (IOException ended) {
                // The process is gone.
            }
        });
        reader.setDaemon(true);
        reader.start();
        // A guard against a hang, not a measure: a busy 2-core machine starting two jars at once takes minutes.
        Instant until = Instant.now().plus(Duration.ofMinutes(5));
        while (!output.toString().contains("Started LatentLabApplication")) {
            if (!process.isAlive() || Instant.now().isAfter(until)) {
                // Not left running behind a failed test.
                process.destroyForcibly().waitFor();
                throw new IllegalStateException("The app did not start:\n" + output);
            }
            Thread.sleep(200);
        }
        return this;
    }

    /**
     * A browser context for pages of a packaged app, with patient waits and assertions (60 s, not Playwright's 5 s):
     * the jars of these tests run two at a time beside the browser on a shared 2-core machine. A guard against a
     * hang, not a measure of speed.
     */
    public static BrowserContext browserContext(Browser browser) {
        PlaywrightAssertions.setDefaultAssertionTimeout(PATIENCE.toMillis());
        BrowserContext context = browser.newContext();
        context.setDefaultTimeout(PATIENCE.toMillis());
        return context;
    }

    /** Kills the process without any chance to clean up (SIGKILL, like kill -9). */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
        earlierOutput.append(output).append("----- killed (SIGKILL) -----\n");
        output.setLength(0);
    }

    /** A test's body, with the app running: what may throw, including Playwright's time-outs. */
    @FunctionalInterface
    public interface WhileRunning {
        void run() throws Exception;
    }

    /**
     * Runs a test's body and, when it fails, prints what is needed to understand why while the app still runs:
     * the app's log since its first start, and its threads (a failure seen once on a loaded CI machine cannot be
     * rerun to look at it).
     */
    public void reportFailuresOf(WhileRunning body) throws Exception {
        try {
            body.run();
        } catch (Exception | AssertionError failure) {
            System.out.println("===== The packaged app (pid " + pid() + ", port " + port + ") when the test failed: "
                    + failure + "\n" + earlierOutput + output + "===== Its threads:\n" + threadDump()
                    + "===== End of the packaged app's report");
            throw failure;
        }
    }

    private String threadDump() {
        if (process == null || !process.isAlive()) {
            return "(not running)\n";
        }
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(process.pid()), "Thread.print").redirectErrorStream(true).start();
            String dump = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            jcmd.waitFor();
            return dump;
        } catch (IOException | InterruptedException e) {
            return "(no thread dump: " + e + ")\n";
        }
    }

    /** The process id of the running app (what its log and a worker's name in the database show). */
    public long pid() {
        return process == null ? -1 : process.pid();
    }

    public String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** A password the demo profile printed, e.g. for "amina". */
    public String demoPassword(String username) throws InterruptedException {
        Pattern line = Pattern.compile("\\s" + Pattern.quote(username) + "\\s+password: (\\S+)");
        // The demo accounts are printed just after start-up.
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(until)) {
            Matcher matcher = line.matcher(output.toString());
            if (matcher.find()) {
                return matcher.group(1);
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("No password for " + username + " in the log:\n" + output);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }
}
