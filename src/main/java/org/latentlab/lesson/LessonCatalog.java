package org.latentlab.lesson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.latentlab.base.ContentLanguage;
import org.latentlab.base.Language;
import org.latentlab.lesson.LessonRenderer.RenderedLesson;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

/**
 * Every lesson the app can show: ours, written in the project as Markdown per language
 * ({@code latentlab/lessons/<id>/<language>.md} on the classpath), and lessons imported from the public curriculum
 * (stored in the database, newest version shown). A language a lesson lacks falls back to English, and the caller
 * is told so, to show a notice.
 */
@Service
public class LessonCatalog {

    public static final String AUTOENCODERS = "autoencoders";
    /** Ids of lessons imported from the curriculum start with this, so they never replace ours. */
    public static final String IMPORTED_PREFIX = "curriculum-";
    public static final Pattern LESSON_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    /** A lesson's text in one language; {@code fallback} when the wanted language was missing. */
    /** @param version the imported version shown; 0 for our own lessons */
    /**
     * A lesson's text in one language; {@code fallback} when the wanted language was missing. {@code language} is
     * the interface language closest to the text's; {@code content} is the text's own language, which may be one
     * the interface does not speak (an imported lesson in Arabic or Japanese).
     */
    public record LessonText(String lessonId, Language language, Language wanted, boolean fallback, String title,
            String markdown, boolean builtIn, int version, ContentLanguage content) {
    }

    public record LessonSummary(String id, String title, Set<Language> languages, boolean builtIn) {
    }

    private final LessonRenderer renderer;
    private final @Nullable LessonRecords imported;
    private final Map<String, Map<Language, String>> builtIn;
    private final Map<String, RenderedLesson> renderedCache = new ConcurrentHashMap<>();
    private static final int CACHED_IMPORTS = 32;
    private final Map<String, RenderedLesson> importedCache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RenderedLesson> eldest) {
            return size() > CACHED_IMPORTS;
        }
    };

    public LessonCatalog(LessonRenderer renderer, @Nullable LessonRecords imported) {
        this.renderer = renderer;
        this.imported = imported;
        this.builtIn = loadBuiltIn();
    }

    private static Map<String, Map<Language, String>> loadBuiltIn() {
        Map<String, Map<Language, String>> lessons = new LinkedHashMap<>();
        try {
            Resource[] files = new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:latentlab/lessons/*/*.md");
            for (Resource file : files) {
                String url = file.getURL().toString();
                String[] parts = url.split("/");
                String id = parts[parts.length - 2];
                String name = parts[parts.length - 1];
                Optional<Language> language = Language.fromCode(name.substring(0, name.length() - 3));
                if (language.isEmpty() || !LESSON_ID.matcher(id).matches()) {
                    continue;
                }
                try (InputStream in = file.getInputStream()) {
                    lessons.computeIfAbsent(id, k -> new EnumMap<>(Language.class))
                            .put(language.get(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the lessons on the classpath", e);
        }
        return lessons;
    }

    public List<LessonSummary> lessons(Language language) {
        List<LessonSummary> all = new ArrayList<>();
        builtIn.forEach((id, texts) -> text(id, language).ifPresent(text -> all.add(
                new LessonSummary(id, text.title(), EnumSet.copyOf(texts.keySet()), true))));
        if (imported != null) {
            Map<String, EnumSet<Language>> languages = new LinkedHashMap<>();
            for (LessonRecords.ImportedLesson lesson : imported.latestImported()) {
                Language.fromCode(lesson.language()).ifPresent(l -> languages
                        .computeIfAbsent(lesson.lessonId(), k -> EnumSet.noneOf(Language.class)).add(l));
            }
            languages.forEach((id, langs) -> text(id, language).ifPresent(text -> all.add(
                    new LessonSummary(id, text.title(), langs, false))));
        }
        return all;
    }

    public boolean exists(String lessonId) {
        return text(lessonId, Language.ENGLISH).isPresent();
    }

    /**
     * The lesson in the wanted language, else in English, else in any language it has. Empty for an unknown id
     * (including ids that are not even well-formed: they come from URLs).
     */
    public Optional<LessonText> text(String lessonId, Language wanted) {
        if (lessonId == null || !LESSON_ID.matcher(lessonId).matches()) {
            return Optional.empty();
        }
        Map<Language, String> ours = builtIn.get(lessonId);
        if (ours != null) {
            Language language = ours.containsKey(wanted) ? wanted
                    : ours.containsKey(Language.ENGLISH) ? Language.ENGLISH : ours.keySet().iterator().next();
            String markdown = ours.get(language);
            return Optional.of(new LessonText(lessonId, language, wanted, language != wanted,
                    rendered(lessonId, language, markdown).title(), markdown, true, 0, ContentLanguage.of(language)));
        }
        if (imported == null || !lessonId.startsWith(IMPORTED_PREFIX)) {
            return Optional.empty();
        }
        Optional<LessonRecords.ImportedLesson> found = imported.latestImported(lessonId, wanted.code());
        if (found.isEmpty()) {
            found = imported.latestImported(lessonId, Language.ENGLISH.code());
        }
        if (found.isEmpty()) {
            found = imported.latestImported().stream().filter(l -> l.lessonId().equals(lessonId)).findFirst();
        }
        return found.map(lesson -> {
            ContentLanguage content = ContentLanguage.parse(lesson.language()).orElse(ContentLanguage.of(
                    Language.ENGLISH));
            Language language = content.uiLanguage().orElse(Language.ENGLISH);
            return new LessonText(lessonId, language, wanted, !content.tag().equals(wanted.code()), lesson.title(),
                    lesson.markdown(), false, lesson.version(), content);
        });
    }

    /**
     * The rendered lesson, rendered once per lesson, language and version (a megabyte of imported Markdown takes
     * about a second): ours stay cached, imported ones up to {@value #CACHED_IMPORTS} versions, least recently read
     * first out. A new import is a new version, so nothing stale is ever shown.
     */
    public RenderedLesson rendered(LessonText text) {
        if (text.builtIn()) {
            return rendered(text.lessonId(), text.language(), text.markdown());
        }
        String key = text.lessonId() + "/" + text.content().tag() + "/" + text.version();
        synchronized (importedCache) {
            RenderedLesson cached = importedCache.get(key);
            if (cached != null) {
                return cached;
            }
        }
        RenderedLesson rendered = renderer.render(text.markdown());
        synchronized (importedCache) {
            importedCache.put(key, rendered);
        }
        return rendered;
    }

    private RenderedLesson rendered(String lessonId, Language language, String markdown) {
        return renderedCache.computeIfAbsent(lessonId + "/" + language.code(), key -> renderer.render(markdown));
    }

    /** Our quiz ids for a lesson's pre- and post-lesson quizzes (the quizzes feature defines them). */
    public static String preQuizId(String lessonId) {
        return lessonId + "-pre";
    }

    public static String postQuizId(String lessonId) {
        return lessonId + "-post";
    }
}
