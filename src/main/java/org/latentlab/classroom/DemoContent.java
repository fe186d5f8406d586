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
import org.springframework.transaction.support.TransactionTemplate;

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

    private final UserAccountRepository accounts;
    private final ClassroomRepository classrooms;
    private final EnrollmentRepository enrollments;
    private final PasswordEncoder passwordEncoder;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DemoContent(UserAccountRepository accounts, ClassroomRepository classrooms, EnrollmentRepository enrollments,
            PasswordEncoder passwordEncoder, TransactionTemplate transactions, Clock clock) {
        this.accounts = accounts;
        this.classrooms = classrooms;
        this.enrollments = enrollments;
        this.passwordEncoder = passwordEncoder;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> created = transactions.execute(status -> seed());
        if (created.isEmpty()) {
            log.info("Demo accounts already exist; their passwords were printed when they were created. "
                    + "Delete the data folder to start over.");
            return;
        }
        String code = classrooms.findAll().stream().filter(c -> c.getName().equals(CLASS_NAME)).findFirst()
                .map(c -> JoinCodes.display(c.getJoinCode())).orElse("?");
        StringBuilder banner = new StringBuilder("\n\n==== Latent Lab demo accounts (shown once, write them down) ====\n");
        created.forEach(line -> banner.append("  ").append(line).append('\n'));
        banner.append("  class '").append(CLASS_NAME).append("' join code: ").append(code).append('\n');
        banner.append("================================================================\n");
        log.warn(banner.toString());
    }

    private List<String> seed() {
        List<String> created = new ArrayList<>();
        boolean adminExists = accounts.existsByRole(Role.ADMIN);
        for (DemoPerson person : PEOPLE) {
            if (accounts.existsByUsername(person.username()) || (person.role() == Role.ADMIN && adminExists)) {
                continue;
            }
            String password = password();
            accounts.save(new UserAccount(person.username(), person.displayName(), passwordEncoder.encode(password),
                    person.role(), clock.instant()));
            created.add(String.format("%-8s %-8s password: %s", person.role().name().toLowerCase(java.util.Locale.ROOT),
                    person.username(), password));
        }
        accounts.flush();
        UserAccount teacher = accounts.findByUsername("teacher").orElseThrow();
        Classroom demoClass = classrooms.findByNameAndTeacherId(CLASS_NAME, teacher.getId())
                .orElseGet(() -> classrooms.save(
                        new Classroom(CLASS_NAME, JoinCodes.generate(), teacher.getId(), clock.instant())));
        for (DemoPerson person : PEOPLE) {
            if (person.role() != Role.STUDENT) {
                continue;
            }
            UserAccount student = accounts.findByUsername(person.username()).orElseThrow();
            if (student.getRole() == Role.STUDENT
                    && !enrollments.existsByClassroomIdAndStudentId(demoClass.getId(), student.getId())) {
                enrollments.save(new Enrollment(demoClass.getId(), student.getId(), clock.instant()));
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
