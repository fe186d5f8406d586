package org.latentlab.base.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;

import jakarta.servlet.DispatcherType;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Views declare who may open them ({@code @AnonymousAllowed}, {@code @PermitAll}, {@code @RolesAllowed}); services
 * check again with {@code @PreAuthorize}, so hiding a button is never the only guard.
 * <p>
 * Vaadin's configurer keeps CSRF protection on (and {@link LoginCsrfFilter} adds it to the login form), and Spring Security's default session-fixation protection gives
 * every login a new session id.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
class SecurityConfiguration {

    static final String LOGIN_PATH = "/login";


    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
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
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LOGIN_PATH, "/"));
        http.addFilterBefore(new LoginCsrfFilter(LOGIN_PATH), UsernamePasswordAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt, cost 11: about a tenth of a second per check here, slow enough against guessing.
        return new BCryptPasswordEncoder(11);
    }
}
