package com.example.springarchive;

import org.springframework.data.jpa.repository.JpaRepository;

/** The second persistence unit's repository. */
public interface ArchiveRepository extends JpaRepository<ArchivedUpload, Long> {
}
