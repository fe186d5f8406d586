package org.latentlab.base.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;

import java.time.Duration;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.servlet.DispatcherType;

import org.latentlab.base.SignedInUsers;
import org.latentlab.base.ui.AccountPages;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.rememberme.JdbcTokenRepositoryImpl;
import org.springframework.security.web.authentication.rememberme.PersistentTokenBasedRememberMeServices;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Views declare who may open them ({@code @AnonymousAllowed}, {@code @PermitAll}, {@code @RolesAllowed}); services
 * check again with {@code @PreAuthorize}, so hiding a button is never the only guard.
 * <p>
 * Vaadin's configurer keeps CSRF protection on (and {@link LoginCsrfFilter} adds it to the login form), and Spring Security's default session-fixation protection gives
 * every login a new session id.
 * <p>
 * "Remember me" on the sign-in form keeps a browser signed in for two weeks with Spring Security's persistent
 * tokens in the database ({@code persistent_logins}): a browser whose session is gone (its web node went away, or
 * the server restarted) is signed in again on any node, and the token changes at each such use, so a stolen cookie
 * is noticed. Signing out deletes the user's tokens. Off unless the student ticks it (school computers are shared).
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
class SecurityConfiguration {

    /** The sign-in form's checkbox, and the cookie it sets. */
    static final String REMEMBER_ME_PARAMETER = "remember-me";
    static final String REMEMBER_ME_COOKIE = "latentlab-remember";
    static final Duration REMEMBERED_FOR = Duration.ofDays(14);


    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SignedInUsers users, DataSource dataSource,
            AccountPages accountPages) throws Exception {
        String loginPath = "/" + accountPages.signIn();
        http.authorizeHttpRequests(requests -> requests
                // Error pages must render for everyone, or every 400 and 404 would turn into a 403.
                .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                .requestMatchers("/actuator/**").hasRole("ADMIN")
                .requestMatchers("/api/teacher/**").hasRole("TEACHER")
                // The Playground is open to visitors with the shipped models; its service checks Lab-run models.
                .requestMatchers(HttpMethod.GET, "/api/playground/**").permitAll()
                .requestMatchers("/api/**").authenticated()
                // Page navigations reach Vaadin, whose access control checks each view's annotations, redirects
                // anonymous visitors to the login page and shows our Not Found view for unknown addresses.
                // Anything that is not a Vaadin view therefore lives under /api/** (above).
                .requestMatchers(HttpMethod.GET, "/**").permitAll());
        http.sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()));
        // SecurityHeadersFilter writes these on every response, Vaadin's static files included (which Vaadin keeps
        // out of this filter chain), so the chain does not write them a second time.
        http.headers(headers -> headers.contentTypeOptions(options -> options.disable())
                .frameOptions(frames -> frames.disable()));
        // JSON clients get 401, not a redirect to the login page they cannot use.
        http.exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                PathPatternRequestMatcher.withDefaults().matcher("/api/**")));
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(loginPath, "/"));
        PersistentTokenBasedRememberMeServices rememberMe = rememberMe(users, dataSource);
        http.rememberMe(remember -> remember.rememberMeServices(rememberMe).key(rememberMe.getKey()));
        http.addFilterBefore(new LoginCsrfFilter(loginPath), UsernamePasswordAuthenticationFilter.class);
        return http.build();
    }

    private static PersistentTokenBasedRememberMeServices rememberMe(SignedInUsers users, DataSource dataSource) {
        JdbcTokenRepositoryImpl tokens = new JdbcTokenRepositoryImpl();
        tokens.setDataSource(dataSource);
        UserDetailsService details = username -> users.byUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("No such account"));
        // The key only ties this node's remember-me authentications to its own provider; the tokens themselves are
        // random and stored, so a key per process is enough and nothing secret needs configuring.
        PersistentTokenBasedRememberMeServices services = new PersistentTokenBasedRememberMeServices(
                UUID.randomUUID().toString(), details, tokens);
        services.setParameter(REMEMBER_ME_PARAMETER);
        services.setCookieName(REMEMBER_ME_COOKIE);
        services.setTokenValiditySeconds((int) REMEMBERED_FOR.toSeconds());
        return services;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt, cost 11: about a tenth of a second per check here, slow enough against guessing.
        return new BCryptPasswordEncoder(11);
    }
}
