package org.latentlab.base.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;

/**
 * A location inside the app built from the target view's own {@link Route} template, for the modules' typed route
 * helpers. A renamed route moves its links with it; a renamed or missing route parameter fails loudly here (and in
 * the helpers' tests) instead of leaving a link that silently leads nowhere.
 */
public final class RouteLocation {

    /** A parameter segment of a route template: {@code :name}, optionally {@code ?}, {@code *} or a regex. */
    private static final Pattern PARAMETER = Pattern.compile(":([A-Za-z0-9_]+)(\\?|\\*)?(\\(.*\\))?");

    private RouteLocation() {
    }

    /** The path of {@code view} with its route parameters filled in from name/value pairs. */
    public static String of(Class<? extends Component> view, String... namesAndValues) {
        return of(view, pairs(namesAndValues), Map.of());
    }

    /** The path of {@code view} with its route parameters filled in, and a query. */
    public static String of(Class<? extends Component> view, Map<String, String> parameters,
            Map<String, String> query) {
        Route route = view.getAnnotation(Route.class);
        if (route == null) {
            throw new IllegalArgumentException(view.getName() + " is not a route");
        }
        Map<String, String> unused = new LinkedHashMap<>(parameters);
        StringBuilder path = new StringBuilder();
        for (String segment : route.value().split("/")) {
            Matcher parameter = PARAMETER.matcher(segment);
            String value = segment;
            if (parameter.matches()) {
                value = unused.remove(parameter.group(1));
                if (value == null) {
                    if (parameter.group(2) == null) {
                        throw new IllegalArgumentException(view.getSimpleName() + " needs the route parameter "
                                + parameter.group(1));
                    }
                    continue;
                }
            }
            if (!value.isEmpty()) {
                path.append(path.isEmpty() ? "" : "/").append(value);
            }
        }
        if (!unused.isEmpty()) {
            throw new IllegalArgumentException(view.getSimpleName() + " (\"" + route.value()
                    + "\") has no route parameter " + unused.keySet());
        }
        if (query.isEmpty()) {
            return path.toString();
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        query.forEach((name, value) -> values.put(name, List.of(value)));
        return new Location(path.toString(), new QueryParameters(values)).getPathWithQueryParameters();
    }

    private static Map<String, String> pairs(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("route parameters come in name/value pairs");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return parameters;
    }
}
