package org.latentlab.classroom;

import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;

import org.latentlab.base.SignedInUser;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Password sign-in with a brake: 5 failures for one username, or 30 from one address, within 15 minutes lock
 * further tries for the rest of that window. A password longer than any we accept is refused without bcrypt.
 */
@Component
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    static final int FAILURES_PER_USERNAME = 5;
    static final int FAILURES_PER_ADDRESS = 30;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final DaoAuthenticationProvider passwords;
    private final AttemptThrottle byUsername;
    private final AttemptThrottle byAddress;

    ThrottledAuthenticationProvider(ClassroomRecords records, PasswordEncoder passwordEncoder, Clock clock) {
        UserDetailsService users = username -> records.accountByUsername(AccountRules.normalizeUsername(username))
                .map(a -> new SignedInUser(a.id(), a.username(), a.displayName(), a.role(), a.passwordHash()))
                .orElseThrow(() -> new UsernameNotFoundException("No such account"));
        this.passwords = new DaoAuthenticationProvider(users);
        this.passwords.setPasswordEncoder(passwordEncoder);
        this.byUsername = new AttemptThrottle(FAILURES_PER_USERNAME, WINDOW, 100_000, clock);
        this.byAddress = new AttemptThrottle(FAILURES_PER_ADDRESS, WINDOW, 100_000, clock);
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = AccountRules.normalizeUsername(authentication.getName());
        if (username.length() > AccountRules.USERNAME_MAX) {
            username = username.substring(0, AccountRules.USERNAME_MAX + 1);
        }
        String userKey = "user:" + username;
        String addressKey = "address:" + clientAddress();
        Duration wait = byUsername.retryAfter(userKey);
        Duration addressWait = byAddress.retryAfter(addressKey);
        if (addressWait.compareTo(wait) > 0) {
            wait = addressWait;
        }
        if (!wait.isZero()) {
            throw new LoginLockedException(ClassroomService.minutesToWait(wait));
        }
        Object credentials = authentication.getCredentials();
        try {
            if (!(credentials instanceof String password) || AccountRules.impossiblePassword(password)) {
                throw new BadCredentialsException("Bad credentials");
            }
            Authentication result = passwords.authenticate(authentication);
            byUsername.reset(userKey);
            return result;
        } catch (BadCredentialsException failed) {
            byUsername.recordFailure(userKey);
            byAddress.recordFailure(addressKey);
            throw failed;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return "unknown";
    }
}
