package org.latentlab.classroom;

import java.time.Clock;
import java.time.Duration;

import org.latentlab.base.ClientKey;
import org.latentlab.base.RateLimits;
import org.latentlab.base.TooManyRequestsException;
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

/**
 * Password sign-in with a brake that nobody can turn against someone else: growing delays after failed tries of one
 * username from one address ({@link LoginDelays}), and a bound on failures from one address across all usernames
 * (a school is one address, so the bound is far above what a class mistypes). Neither ever locks an account: the
 * owner signing in from another place is not slowed at all. A password longer than any we accept is refused
 * without bcrypt.
 */
@Component
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final LoginDelays delays;
    private final RateLimits limits;

    ThrottledAuthenticationProvider(AccountSignedInUsers accounts, PasswordEncoder passwordEncoder,
            RateLimits limits, Clock clock) {
        UserDetailsService users = username -> accounts.byUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("No such account"));
        this.passwords = new DaoAuthenticationProvider(users);
        this.passwords.setPasswordEncoder(passwordEncoder);
        this.delays = new LoginDelays(100_000, clock);
        this.limits = limits;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = AccountRules.normalizeUsername(authentication.getName());
        if (username.length() > AccountRules.USERNAME_MAX) {
            username = username.substring(0, AccountRules.USERNAME_MAX + 1);
        }
        String address = ClientKey.currentAddress();
        String key = username + "|" + address;
        Duration wait = delays.retryAfter(key);
        try {
            limits.check(RateLimits.Limit.FAILED_SIGN_IN, address);
        } catch (TooManyRequestsException addressLimit) {
            wait = addressLimit.retryAfter().compareTo(wait) > 0 ? addressLimit.retryAfter() : wait;
        }
        if (!wait.isZero()) {
            throw new LoginDelayedException(Math.max(1, (wait.toMillis() + 999) / 1000));
        }
        Object credentials = authentication.getCredentials();
        try {
            if (!(credentials instanceof String password) || AccountRules.impossiblePassword(password)) {
                throw new BadCredentialsException("Bad credentials");
            }
            Authentication result = passwords.authenticate(authentication);
            delays.succeeded(key);
            return result;
        } catch (BadCredentialsException failed) {
            delays.failed(key);
            try {
                limits.take(RateLimits.Limit.FAILED_SIGN_IN, address, 1);
            } catch (TooManyRequestsException alreadyCounted) {
                // The address is at its bound; the next try is refused above.
            }
            throw failed;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
