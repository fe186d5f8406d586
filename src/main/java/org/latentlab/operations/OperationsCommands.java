package org.latentlab.operations;

import static org.latentlab.base.CommandLineModes.value;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.latentlab.base.CommandLineMode;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.stereotype.Component;

/**
 * {@code --copy-database-to=<jdbc:postgresql://host:port/database> [--to-user=<user>]}: copies everything in the
 * app's database (the data folder's H2 database, or whatever the app is configured with) into a new, empty
 * PostgreSQL database, then compares the row counts of every table. The target's password comes from the
 * environment variable {@code LATENTLAB_COPY_TO_PASSWORD}, never from the command line. Exits 0 when every count
 * matches, 1 otherwise. See docs/operations.md.
 */
@Component
class OperationsCommands implements CommandLineMode {

    static final String COPY = "copy-database-to";

    private final DataSource dataSource;

    OperationsCommands(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public String name() {
        return COPY;
    }

    @Override
    public String description() {
        return "--copy-database-to=<jdbc:postgresql://...> [--to-user=<user>]: copies the database into a new, empty "
                + "PostgreSQL database";
    }

    @Override
    public int run(ApplicationArguments args, PrintStream out, PrintStream err) {
        return copy(args, System.getenv("LATENTLAB_COPY_TO_PASSWORD"), out, err);
    }

    int copy(ApplicationArguments args, String password, PrintStream out, PrintStream err) {
        String url = value(args, COPY);
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            err.println("error: --copy-database-to needs a PostgreSQL JDBC URL, e.g. "
                    + "--copy-database-to=jdbc:postgresql://localhost:5432/latentlab --to-user=latentlab "
                    + "(password in LATENTLAB_COPY_TO_PASSWORD)");
            return 1;
        }
        DataSource target = DataSourceBuilder.create().url(url).username(value(args, "to-user", "postgres"))
                .password(password == null ? "" : password).build();
        try {
            List<DatabaseCopy.TableCount> counts = DatabaseCopy.copy(dataSource, target, "postgresql");
            out.printf(Locale.ROOT, "%-28s %10s %10s%n", "table", "source", "copied");
            boolean all = true;
            for (DatabaseCopy.TableCount count : counts) {
                out.printf(Locale.ROOT, "%-28s %10d %10d%s%n", count.table(), count.source(), count.target(),
                        count.matches() ? "" : "  MISMATCH");
                all &= count.matches();
            }
            out.println(all ? "copied: every table has the same number of rows"
                    : "error: some tables differ; do not switch to the copy");
            return all ? 0 : 1;
        } catch (Exception e) {
            err.println("error: " + e.getMessage());
            return 1;
        } finally {
            if (target instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception ignored) {
                    // The pool of a one-off copy goes with the process.
                }
            }
        }
    }
}
