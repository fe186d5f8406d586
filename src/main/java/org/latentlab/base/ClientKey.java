package org.latentlab.base;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who a request comes from, for {@link RateLimits}: the browser session when the request carries one (never
 * created here), otherwise the client's address. The address is the proxy's unless the proxy is trusted
 * ({@code server.tomcat.remoteip.internal-proxies}, see docs/deploy.md): only then does Tomcat take it from
 * {@code X-Forwarded-For}, so nobody can pick their own address by sending that header.
 */
public final class ClientKey {

    private ClientKey() {
    }

    public static String of(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null ? "session:" + session.getId() : address(request);
    }

    public static String address(HttpServletRequest request) {
        return "address:" + request.getRemoteAddr();
    }

    /** The address of the request this thread is serving (page actions included), or "unknown" outside one. */
    public static String currentAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return address(attributes.getRequest());
        }
        return "address:unknown";
    }
}
