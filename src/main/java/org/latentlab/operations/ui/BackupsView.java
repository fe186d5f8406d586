package org.latentlab.operations.ui;

import java.nio.file.Files;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import jakarta.annotation.security.RolesAllowed;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

import org.latentlab.base.InvalidInputException;
import org.latentlab.base.Role;
import org.latentlab.base.ui.FeaturePage;
import org.latentlab.base.ui.FieldErrors;
import org.latentlab.operations.DatabaseBackups;
import org.latentlab.operations.DatabaseBackups.Backup;

/**
 * The admin's backups: a consistent copy of the database taken while everyone keeps working, listed for download.
 * On PostgreSQL the page says to use the server's pg_dump instead.
 */
@Route("admin/backups")
@Menu(order = 91, icon = "vaadin:archive", title = "nav.backups")
@RolesAllowed(Role.Names.ADMIN)
public class BackupsView extends FeaturePage {

    private final DatabaseBackups backups;
    private final Grid<Backup> grid = new Grid<>();

    BackupsView(DatabaseBackups backups) {
        super("admin.backup.title", "admin.backup.intro");
        this.backups = backups;
        setId("backups-view");
        if (!backups.supported()) {
            Paragraph postgres = new Paragraph(getTranslation("admin.backup.postgres"));
            postgres.addClassName("ll-notice");
            add(postgres);
            return;
        }
        Button now = new Button(getTranslation("admin.backup.now"));
        now.setId("backup-now");
        now.addThemeVariants(ButtonVariant.PRIMARY);
        now.setDisableOnClick(true);
        now.addClickListener(click -> {
            try {
                Backup taken = backups.backUp();
                FieldErrors.success(getTranslation("admin.backup.done", taken.name()));
                refresh();
            } catch (InvalidInputException problem) {
                FieldErrors.failure(getTranslation(problem.messageKey(), problem.arguments()));
            } finally {
                now.setEnabled(true);
            }
        });
        DateTimeFormatter times = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(getLocale()).withZone(ZoneId.systemDefault());
        grid.setId("backup-list");
        grid.addColumn(b -> times.format(b.takenAt())).setHeader(getTranslation("admin.backup.takenAt"));
        grid.addColumn(b -> getTranslation("admin.backup.megabytes", String.format(getLocale(), "%.1f",
                b.bytes() / 1e6))).setHeader(getTranslation("admin.backup.size"));
        grid.addComponentColumn(this::download).setHeader(getTranslation("admin.backup.file"));
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("admin.backup.none"));
        add(now, grid);
        refresh();
    }

    private Anchor download(Backup backup) {
        SecurityContext viewer = SecurityContextHolder.getContext();
        return new Anchor(DownloadHandler.fromInputStream(event -> {
            // Downloads run outside the UI's request: the admin's context goes along, and the service checks the
            // role and the name again (only the backups it lists).
            SecurityContext previous = SecurityContextHolder.getContext();
            SecurityContextHolder.setContext(viewer);
            try {
                Backup file = backups.backup(backup.name());
                return new DownloadResponse(Files.newInputStream(file.file()), file.name(), "application/zip",
                        file.bytes());
            } finally {
                SecurityContextHolder.setContext(previous);
            }
        }), AttachmentType.DOWNLOAD, backup.name());
    }

    private void refresh() {
        grid.setItems(backups.backups());
    }
}
