package org.latentlab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.NamedInterface;
import org.springframework.modulith.docs.Documenter;

/**
 * Writes {@code docs/modules/} from the code, so the module table that {@code docs/architecture.md} points at cannot
 * drift from what {@link ModuleBoundariesTest} enforces: {@code modules.md} (each module's dependencies and public
 * API) and Spring Modulith's {@link Documenter} output (PlantUML diagrams and an Asciidoc canvas per module). Every
 * list is sorted, so a build leaves the committed files unchanged unless a module's shape changed. When it did, the
 * test rewrites the files and fails, naming them: commit them with the code (the next run passes).
 */
class ModuleDocumentationTest {

    static final Path FOLDER = Path.of("docs", "modules");

    @Test
    void theModuleTableAndDiagramsAreWrittenFromTheCodeAndTheCommittedOnesAreUpToDate() throws IOException {
        Map<String, String> before = contents();
        ApplicationModules modules = ApplicationModules.of(LatentLabApplication.class);
        // Documenter empties the folder first: everything in it is generated.
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(FOLDER.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        try (Stream<Path> files = Files.list(FOLDER)) {
            for (Path file : files.toList()) {
                if (file.toString().endsWith(".puml")) {
                    Files.write(file, sortedRuns(Files.readAllLines(file)));
                } else if (file.toString().endsWith(".adoc")) {
                    Files.write(file, sortedLists(Files.readAllLines(file)));
                }
            }
        }
        Files.writeString(FOLDER.resolve("modules.md"), table(modules));

        assertThat(FOLDER.resolve("modules.md")).content().contains("| `base` |", "| `lab` |");
        assertThat(FOLDER.resolve("components.puml")).exists();
        Map<String, String> after = contents();
        Set<String> changed = new TreeSet<>(before.keySet());
        changed.addAll(after.keySet());
        changed.removeIf(name -> Objects.equals(before.get(name), after.get(name)));
        assertThat(changed).as("docs/modules/ was out of date with the code and has been rewritten: commit %s",
                changed).isEmpty();
    }

    private static Map<String, String> contents() throws IOException {
        Map<String, String> contents = new TreeMap<>();
        if (Files.isDirectory(FOLDER)) {
            try (Stream<Path> files = Files.list(FOLDER)) {
                for (Path file : files.toList()) {
                    contents.put(file.getFileName().toString(), Files.readString(file));
                }
            }
        }
        return contents;
    }

    /**
     * The diagrams' lines in a stable order: Documenter lists the components and their relations in hash order, which
     * changes from run to run. Each run of consecutive element lines of one kind ({@code Component(…)},
     * {@code Rel(…)}) is sorted; PlantUML does not care about their order.
     */
    static List<String> sortedRuns(List<String> lines) {
        List<String> sorted = new ArrayList<>();
        List<String> run = new ArrayList<>();
        String runKind = null;
        for (String line : lines) {
            String kind = kind(line);
            if (runKind != null && !runKind.equals(kind)) {
                Collections.sort(run);
                sorted.addAll(run);
                run.clear();
            }
            runKind = kind;
            (kind == null ? sorted : run).add(line);
        }
        Collections.sort(run);
        sorted.addAll(run);
        return sorted;
    }

    /**
     * The canvases' lists in a stable order: Documenter lists a module's types, events and the like in hash order.
     * Each run of consecutive list items ({@code * …}, the first of a table cell written {@code |* …}) is sorted, and
     * the cell's {@code |} stays on the first item.
     */
    static List<String> sortedLists(List<String> lines) {
        List<String> sorted = new ArrayList<>();
        List<String> items = new ArrayList<>();
        boolean cell = false;
        for (String line : lines) {
            boolean item = line.startsWith("* ") || line.startsWith("|* ");
            if (item && (items.isEmpty() || line.startsWith("* "))) {
                if (items.isEmpty()) {
                    cell = line.startsWith("|");
                }
                items.add(line.startsWith("|") ? line.substring(1) : line);
                continue;
            }
            flush(items, cell, sorted);
            if (item) {
                cell = true;
                items.add(line.substring(1));
            } else {
                sorted.add(line);
            }
        }
        flush(items, cell, sorted);
        return sorted;
    }

    private static void flush(List<String> items, boolean cell, List<String> into) {
        Collections.sort(items);
        for (int i = 0; i < items.size(); i++) {
            into.add(i == 0 && cell ? "|" + items.get(i) : items.get(i));
        }
        items.clear();
    }

    private static String kind(String line) {
        String trimmed = line.strip();
        int parenthesis = trimmed.indexOf('(');
        return parenthesis > 0 && trimmed.endsWith(")") && trimmed.substring(0, parenthesis).matches("[A-Za-z_]+")
                ? line.substring(0, line.indexOf(trimmed)) + trimmed.substring(0, parenthesis) : null;
    }

    static String table(ApplicationModules modules) {
        StringBuilder table = new StringBuilder("""
                # Modules

                Generated by `ModuleDocumentationTest` from the code (Spring Modulith); do not edit. Each module is a \
                package under `org.latentlab`; other modules may use only its public API (the public types of its \
                top-level package) and its named interfaces. Diagrams: `components.puml` (all modules) and \
                `module-*.puml`; per-module canvases: `module-*.adoc`.

                | module | depends on | named interfaces | public API |
                | --- | --- | --- | --- |
                """);
        modules.stream().sorted(Comparator.comparing(ApplicationModule::getIdentifier,
                Comparator.comparing(Object::toString))).forEach(module -> table.append("| `")
                .append(module.getIdentifier()).append("` | ")
                .append(orNone(module.getDirectDependencies(modules).uniqueModules()
                        .map(dependency -> dependency.getIdentifier().toString())))
                .append(" | ")
                .append(named(module))
                .append(" | ")
                .append(publicTypes(module.getNamedInterfaces().getUnnamedInterface().asJavaClasses()))
                .append(" |\n"));
        return table.toString();
    }

    private static String named(ApplicationModule module) {
        String named = module.getNamedInterfaces().stream().filter(NamedInterface::isNamed)
                .sorted(Comparator.comparing(NamedInterface::getName))
                .map(api -> "`" + api.getName() + "`: " + publicTypes(api.asJavaClasses()))
                .collect(Collectors.joining("; "));
        return named.isEmpty() ? "none" : named;
    }

    private static String publicTypes(Stream<JavaClass> types) {
        return orNone(types.filter(type -> type.getModifiers().contains(JavaModifier.PUBLIC))
                .filter(type -> !type.isNestedClass() && !type.getSimpleName().equals("package-info"))
                .map(JavaClass::getSimpleName));
    }

    private static String orNone(Stream<String> names) {
        String joined = names.sorted().distinct().map(name -> "`" + name + "`").collect(Collectors.joining(", "));
        return joined.isEmpty() ? "none" : joined;
    }
}
