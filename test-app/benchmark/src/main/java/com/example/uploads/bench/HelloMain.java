package com.example.uploads.bench;

/**
 * A JVM that never loads Hibernate, for {@link Perf}'s first goal: prints one line and exits. It references
 * nothing but the JDK. The class {@link Started} is loaded first thing, so that a class-load log shows where the
 * agent's startup ends and the application begins.
 */
public final class HelloMain {
    public static final String LINE = "hello from a JVM without Hibernate";

    private HelloMain() {
    }

    public static void main(String[] args) throws ClassNotFoundException {
        Class.forName(Started.class.getName());
        System.out.println(LINE);
    }

    /** Loaded as the first thing main does: a mark in the class-load log. */
    static final class Started {
        private Started() {
        }
    }
}
