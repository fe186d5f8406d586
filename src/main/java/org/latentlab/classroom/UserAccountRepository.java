package org.latentlab.classroom;

import java.util.List;
import java.util.Optional;

import org.latentlab.base.Role;
import org.springframework.data.jpa.repository.JpaRepository;

interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    Optional<UserAccount> findByUsername(String username);

    boolean existsByUsername(String username);

    boolean existsByRole(Role role);

    List<UserAccount> findAllByOrderByRoleAscUsernameAsc();
}
