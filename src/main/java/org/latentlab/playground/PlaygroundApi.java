package org.latentlab.playground;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.latentlab.base.ClientKey;
import org.latentlab.base.InvalidInputException;
import org.latentlab.base.RateLimits;
import org.latentlab.ml.InferenceLimits;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The two requests the map component makes itself, outside Vaadin's round trip: the scatter's points once per
 * model, and a decoded digit on every (coalesced) pointer move. A decoded digit is 784 grey bytes that the
 * browser paints on a canvas; no PNG, no database. Shipped models are open to visitors; a Lab run's model is
 * checked once per session (see {@link LatentSpaces#openGranted}).
 */
@RestController
@RequestMapping("/api/playground")
class PlaygroundApi {

    static final String GRANTS = PlaygroundApi.class.getName() + ".grants";
    static final String CLAMPED_HEADER = "X-Latent-Clamped";

    private final LatentSpaces spaces;
    private final RateLimits limits;

    PlaygroundApi(LatentSpaces spaces, RateLimits limits) {
        this.spaces = spaces;
        this.limits = limits;
    }

    @GetMapping("/map")
    ResponseEntity<MapData> map(@RequestParam(required = false) String model, HttpServletRequest request) {
        limits.take(RateLimits.Limit.MAP, ClientKey.of(request), 1);
        MapData map = withSpace(model, request, LatentSpace::map);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(map);
    }

    /** {@code x} and {@code y} on the map, or a full code {@code z} as numbers separated by commas. */
    @GetMapping(value = "/decode", produces = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    ResponseEntity<byte[]> decode(@RequestParam(required = false) String model,
            @RequestParam(required = false) String x, @RequestParam(required = false) String y,
            @RequestParam(required = false) String z, HttpServletRequest request) {
        // The client's decode allowance was taken before the request got here (DecodeAllowance).
        Decoded decoded;
        if (z != null) {
            float[] code = parseCode(z);
            decoded = withSpace(model, request, space -> space.decode(code));
        } else {
            double px = number(x);
            double py = number(y);
            decoded = withSpace(model, request, space -> space.decodeAt(px, py));
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .header(CLAMPED_HEADER, Boolean.toString(decoded.clamped()))
                .contentType(MediaType.APPLICATION_OCTET_STREAM).body(decoded.greyBytes());
    }

    private <T> T withSpace(String model, HttpServletRequest request,
            java.util.function.Function<LatentSpace, T> action) {
        // A drag asks again a moment later: when every inference slot is taken, answer "busy" at once.
        return InferenceLimits.impatiently(() -> openAndApply(model, request, action));
    }

    private <T> T openAndApply(String model, HttpServletRequest request,
            java.util.function.Function<LatentSpace, T> action) {
        try {
            // Shipped models need no grant, so a visitor's request creates no session; a Lab run's model is
            // only ever opened by a signed-in user, who has one.
            if (model == null || !model.startsWith(ModelChoice.RUN)) {
                return action.apply(spaces.open(model));
            }
            // A Lab run's model needs a signed-in user, who has a session: a request without one is refused
            // before any session is made for it.
            HttpSession session = request.getSession(false);
            if (session == null) {
                throw new InvalidInputException("model", "playground.model.signIn");
            }
            return action.apply(spaces.openGranted(model, grants(session)));
        } catch (org.latentlab.ml.LoadedModel.ModelClosedException unloaded) {
            return spaces.use(model, action);
        }
    }

    @SuppressWarnings("unchecked")
    private static Set<String> grants(HttpSession session) {
        Object grants = session.getAttribute(GRANTS);
        if (grants instanceof Set<?> set) {
            return (Set<String>) set;
        }
        Set<String> created = ConcurrentHashMap.newKeySet();
        session.setAttribute(GRANTS, created);
        return created;
    }

    private static double number(String value) {
        if (value == null || value.isBlank() || value.length() > 32) {
            throw new InvalidInputException("xy", "playground.codeNotNumber");
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("xy", "playground.codeNotNumber");
        }
    }

    private static float[] parseCode(String z) {
        String[] parts = z.split(",", -1);
        if (z.length() > 65_536 || parts.length > 4096) {
            throw new InvalidInputException("z", "playground.codeNotNumber");
        }
        float[] code = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            code[i] = (float) number(parts[i].trim());
        }
        return code;
    }
}
