package com.example.springuploads;

import org.springframework.data.jpa.repository.JpaRepository;

/** A Spring Data JPA repository: the application never touches an EntityManager. */
public interface UploadRepository extends JpaRepository<Upload, Long> {
}
