package org.latentlab.classroom;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface EnrollmentRepository extends JpaRepository<Enrollment, Long> {

    boolean existsByClassroomIdAndStudentId(long classroomId, long studentId);

    List<Enrollment> findByStudentIdOrderByJoinedAtDesc(long studentId);

    List<Enrollment> findByClassroomIdOrderByJoinedAtAsc(long classroomId);

    long countByClassroomId(long classroomId);

    List<Enrollment> findByClassroomIdIn(Collection<Long> classroomIds);
}
