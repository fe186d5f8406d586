package org.latentlab.quiz;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.latentlab.quiz.format.QuizFiles;
import org.latentlab.quiz.format.QuizFormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The quizzes on offer. Definitions come from the quiz files (packed in the jar, or a configured folder) and from
 * imports; each distinct content becomes a stored version, so an edited file adds a version and older attempts keep
 * theirs. A file that does not validate is reported and skipped: its previous version, if any, stays on offer.
 */
@Service
public class QuizCatalog implements SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(QuizCatalog.class);

    /** A stored version of a quiz. */
    public record QuizVersion(long versionId, int version, Quiz quiz) {
    }

    /** What a (re)load found: per file, the version now on offer, or the problem. */
    public record LoadReport(List<String> loaded, List<String> newVersions, List<String> problems) {
    }

    private final QuizRecords records;
    private final QuizProperties properties;
    private final Clock clock;
    private final Map<Long, QuizVersion> byVersionId = new ConcurrentHashMap<>();
    private volatile Map<String, QuizVersion> active = Map.of();
    private volatile LoadReport lastReport = new LoadReport(List.of(), List.of(), List.of());

    QuizCatalog(QuizRecords records, QuizProperties properties, Clock clock) {
        this.records = records;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        LoadReport report = load();
        report.problems().forEach(problem -> LOG.warn("Quiz file skipped: {}", problem));
        LOG.info("{} quizzes on offer ({} new versions)", active.size(), report.newVersions().size());
    }

    /** Reads the quiz files again (an admin changed them) and reports what it found. */
    @PreAuthorize("hasRole('ADMIN')")
    public LoadReport reload() {
        return load();
    }

    public LoadReport lastReport() {
        return lastReport;
    }

    private synchronized LoadReport load() {
        List<String> loaded = new ArrayList<>();
        List<String> created = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<String, QuizVersion> offer = new LinkedHashMap<>();
        for (Map.Entry<String, String> file : files(problems).entrySet()) {
            try {
                Quiz quiz = QuizFiles.read(file.getValue(), file.getKey());
                StoredVersion stored = store(quiz, "FILE");
                offer.put(quiz.id(), stored.version());
                loaded.add(quiz.id() + " v" + stored.version().version());
                if (stored.created()) {
                    created.add(quiz.id() + " v" + stored.version().version());
                }
            } catch (QuizFormatException e) {
                problems.add(e.getMessage());
                latest(fileQuizId(file.getKey())).ifPresent(previous -> offer.put(previous.quiz().id(), previous));
            }
        }
        // Imported quizzes stay on offer in their newest version.
        for (Long id : records.latestImportedVersionIds()) {
            QuizVersion version = version(id);
            offer.putIfAbsent(version.quiz().id(), version);
        }
        active = Map.copyOf(offer);
        lastReport = new LoadReport(List.copyOf(loaded), List.copyOf(created), List.copyOf(problems));
        return lastReport;
    }

    private Map<String, String> files(List<String> problems) {
        Map<String, String> files = new java.util.TreeMap<>();
        try {
            if (properties.folder() != null && !properties.folder().isBlank()) {
                try (DirectoryStream<Path> found = Files.newDirectoryStream(Path.of(properties.folder()), "*.json")) {
                    for (Path path : found) {
                        files.put(path.getFileName().toString(), Files.readString(path, StandardCharsets.UTF_8));
                    }
                }
            } else {
                for (Resource resource : new PathMatchingResourcePatternResolver()
                        .getResources("classpath*:latentlab/quizzes/*.json")) {
                    try (InputStream in = resource.getInputStream()) {
                        files.put(resource.getFilename(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
        } catch (IOException e) {
            problems.add("cannot read the quiz files: " + e.getMessage());
        }
        return files;
    }

    private static String fileQuizId(String fileName) {
        return fileName.endsWith(".json") ? fileName.substring(0, fileName.length() - 5) : fileName;
    }

    record StoredVersion(QuizVersion version, boolean created) {
    }

    /** Stores the quiz as a new version unless its newest version has the same content. */
    StoredVersion store(Quiz quiz, String source) {
        String definition = QuizFiles.write(quiz);
        String hash = sha256(definition);
        Optional<QuizRecords.VersionRow> latest = records.latestVersion(quiz.id());
        if (latest.isPresent() && hash.equals(latest.get().contentHash())) {
            return new StoredVersion(version(latest.get().id()), false);
        }
        int number = latest.map(v -> v.version() + 1).orElse(1);
        // When another node stored this version number a moment ago, theirs stays and is the newest.
        records.insertVersion(quiz.id(), number, definition, hash, source, clock.instant());
        return new StoredVersion(latest(quiz.id()).orElseThrow(), true);
    }

    /** Adds an imported quiz (as a new version if it already exists) and offers it. Imports are for admins. */
    @PreAuthorize("hasRole('ADMIN')")
    public QuizVersion addImported(Quiz quiz) {
        return offer(quiz);
    }

    /** Stores the quiz as an imported version and puts it on offer. */
    synchronized QuizVersion offer(Quiz quiz) {
        QuizVersion version = store(quiz, "IMPORT").version();
        Map<String, QuizVersion> offer = new LinkedHashMap<>(active);
        offer.put(quiz.id(), version);
        active = Map.copyOf(offer);
        return version;
    }

    private Optional<QuizVersion> latest(String quizId) {
        return records.latestVersion(quizId).map(row -> version(row.id()));
    }

    /** Every quiz on offer, in id order. */
    public List<QuizVersion> active() {
        return active.values().stream().sorted(java.util.Comparator.comparing(v -> v.quiz().id())).toList();
    }

    public Optional<QuizVersion> active(String quizId) {
        return Optional.ofNullable(quizId == null ? null : active.get(quizId));
    }

    /** Any stored version, e.g. the one an old attempt was taken with. */
    public QuizVersion version(long versionId) {
        return byVersionId.computeIfAbsent(versionId, id -> records.version(id)
                .map(row -> new QuizVersion(row.id(), row.version(),
                        QuizFiles.readLenient(row.definition(), row.quizId() + ".json")))
                .orElseThrow(() -> new IllegalStateException("no quiz version " + id)));
    }

    /** All stored versions of a quiz, oldest first. */
    public List<QuizVersion> versions(String quizId) {
        return records.versionIds(quizId).stream().map(this::version).toList();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
