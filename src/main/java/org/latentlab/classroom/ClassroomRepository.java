package org.latentlab.classroom;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ClassroomRepository extends JpaRepository<Classroom, Long> {

    Optional<Classroom> findByJoinCode(String joinCode);

    boolean existsByJoinCode(String joinCode);

    List<Classroom> findByTeacherIdOrderByCreatedAtDesc(long teacherId);

    Optional<Classroom> findByNameAndTeacherId(String name, long teacherId);
}
