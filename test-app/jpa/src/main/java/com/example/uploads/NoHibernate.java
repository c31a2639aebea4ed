package com.example.uploads;

/** A JVM that never touches Hibernate, as a build tool or a batch job started with the fleet's agent flags. */
public final class NoHibernate {
    private NoHibernate() {
    }

    public static void main(String[] args) {
        System.out.println("no Hibernate in " + String.join(" ", args));
    }
}
