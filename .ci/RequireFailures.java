import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the failsafe reports of a run without the agent: every end-to-end test must have failed, except the
 * controls named on the command line, which must have passed. A test that passes without the agent proves
 * nothing about it. Usage: java .ci/RequireFailures.java REPORT_DIR CONTROL_CLASS...
 */
public class RequireFailures {
    private static final Pattern TEST_CASE = Pattern.compile(
            "<testcase\\s+name=\"([^\"]*)\"\\s+classname=\"([^\"]*)\"[^>]*?(/>|>(.*?)</testcase>)", Pattern.DOTALL);

    public static void main(String[] args) throws Exception {
        Set<String> controls = Set.copyOf(List.of(args).subList(1, args.length));
        List<String> problems = new ArrayList<>();
        int failed = 0;
        List<Path> reports;
        try (Stream<Path> files = Files.list(Path.of(args[0]))) {
            reports = files.filter(file -> file.getFileName().toString().matches("TEST-.*\\.xml")).sorted().toList();
        }
        for (Path report : reports) {
            Matcher testCase = TEST_CASE.matcher(Files.readString(report));
            while (testCase.find()) {
                String className = testCase.group(2).substring(testCase.group(2).lastIndexOf('.') + 1);
                String body = testCase.group(4) == null ? "" : testCase.group(4);
                boolean broke = body.contains("<failure") || body.contains("<error");
                boolean skipped = body.contains("<skipped");
                String name = className + "." + testCase.group(1);
                if (controls.contains(className)) {
                    if (broke || skipped) {
                        problems.add(name + " is a control and must pass without the agent");
                    }
                } else if (!broke) {
                    problems.add(name + (skipped ? " was skipped" : " passed") + " without the agent");
                } else {
                    failed++;
                }
            }
        }
        System.out.println(failed + " end-to-end tests failed without the agent, as they must");
        if (reports.isEmpty() || failed == 0 || !problems.isEmpty()) {
            problems.forEach(System.err::println);
            System.err.println(reports.isEmpty() ? "no failsafe reports in " + args[0] : "");
            System.exit(1);
        }
    }
}
