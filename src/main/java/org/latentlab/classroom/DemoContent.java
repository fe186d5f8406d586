package org.latentlab.classroom;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.latentlab.base.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The {@code demo} profile: an admin, a teacher with a class and three students in it, so a newcomer can try every
 * role in a minute. Passwords are generated and printed to the log once, when the accounts are created; they are
 * stored only as bcrypt hashes.
 */
@Component
@Profile("demo")
@Order(10)
class DemoContent implements ApplicationRunner {

    static final String CLASS_NAME = "Demo class: autoencoders";
    private static final Logger log = LoggerFactory.getLogger(DemoContent.class);
    private static final String PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private record DemoPerson(String username, String displayName, Role role) {
    }

    private static final List<DemoPerson> PEOPLE = List.of(
            new DemoPerson("admin", "Demo Admin", Role.ADMIN),
            new DemoPerson("teacher", "Ms. Rivka Demo", Role.TEACHER),
            new DemoPerson("amina", "Amina Juma", Role.STUDENT),
            new DemoPerson("budi", "Budi Santoso", Role.STUDENT),
            new DemoPerson("noa", "Noa Levi", Role.STUDENT));

    private final ClassroomRecords records;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    DemoContent(ClassroomRecords records, PasswordEncoder passwordEncoder, Clock clock) {
        this.records = records;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    /** Seeds what is missing; a second start finds everything there and only says so. */
    @Override
    public void run(ApplicationArguments args) {
        List<String> created = seed();
        if (created.isEmpty()) {
            log.info("Demo accounts already exist; their passwords were printed when they were created. "
                    + "Delete the data folder to start over.");
            return;
        }
        String code = records.accountByUsername("teacher")
                .flatMap(teacher -> records.classNamed(CLASS_NAME, teacher.id()))
                .map(c -> JoinCodes.display(c.joinCode())).orElse("?");
        StringBuilder banner = new StringBuilder("\n\n==== Latent Lab demo accounts (shown once, write them down) ====\n");
        created.forEach(line -> banner.append("  ").append(line).append('\n'));
        banner.append("  class '").append(CLASS_NAME).append("' join code: ").append(code).append('\n');
        banner.append("================================================================\n");
        log.warn(banner.toString());
    }

    private List<String> seed() {
        List<String> created = new ArrayList<>();
        boolean adminExists = records.anyWithRole(Role.ADMIN);
        for (DemoPerson person : PEOPLE) {
            if (records.usernameTaken(person.username()) || (person.role() == Role.ADMIN && adminExists)) {
                continue;
            }
            String password = password();
            records.insertAccount(person.username(), person.displayName(), passwordEncoder.encode(password),
                    person.role(), clock.instant());
            created.add(String.format("%-8s %-8s password: %s", person.role().name().toLowerCase(java.util.Locale.ROOT),
                    person.username(), password));
        }
        ClassroomRecords.Account teacher = records.accountByUsername("teacher").orElseThrow();
        ClassroomRecords.Classroom demoClass = records.classNamed(CLASS_NAME, teacher.id())
                .orElseGet(() -> records.insertClass(CLASS_NAME, JoinCodes.generate(), teacher.id(), clock.instant()));
        for (DemoPerson person : PEOPLE) {
            if (person.role() != Role.STUDENT) {
                continue;
            }
            ClassroomRecords.Account student = records.accountByUsername(person.username()).orElseThrow();
            if (student.role() == Role.STUDENT) {
                records.enroll(demoClass.id(), student.id(), clock.instant());
            }
        }
        return created;
    }

    private static String password() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            password.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }
}
