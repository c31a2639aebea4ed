package com.example.springuploads;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

/** A Spring Data JPA repository: the application never touches an EntityManager. */
public interface UploadRepository extends JpaRepository<Upload, Long> {

    /** A bulk JPQL delete, which bypasses entity actions. */
    @Modifying
    @Transactional
    @Query("delete from Upload u where u.path like concat(:prefix, '%')")
    int deleteByPathPrefix(@Param("prefix") String prefix);
}
