package org.readroom.launcher;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command-line options of one subcommand: {@code --name value} options, {@code --flag} flags and, where the
 * subcommand takes them, operands (file names); {@code --} ends the options.
 */
final class Args {

    /** A wrong argument: the launcher prints the message and the usage, and exits 2. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    private final Map<String, String> values = new HashMap<>();
    private final Set<String> flags = new HashSet<>();
    private final List<String> operands = new ArrayList<>();

    private Args() {}

    static Args parse(List<String> arguments, Set<String> valueOptions, Set<String> flagOptions) throws UsageException {
        return parse(arguments, valueOptions, flagOptions, false);
    }

    /** Like {@link #parse(List, Set, Set)}, but arguments that are not options are kept as operands, in order. */
    static Args parseWithOperands(List<String> arguments, Set<String> valueOptions, Set<String> flagOptions)
            throws UsageException {
        return parse(arguments, valueOptions, flagOptions, true);
    }

    private static Args parse(
            List<String> arguments, Set<String> valueOptions, Set<String> flagOptions, boolean allowOperands)
            throws UsageException {
        Args args = new Args();
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (allowOperands && argument.equals("--")) {
                args.operands.addAll(arguments.subList(i + 1, arguments.size()));
                break;
            }
            if (allowOperands && !argument.startsWith("-")) {
                args.operands.add(argument);
            } else if (flagOptions.contains(argument)) {
                args.flags.add(argument);
            } else if (valueOptions.contains(argument)) {
                if (i + 1 >= arguments.size() || arguments.get(i + 1).startsWith("--")) {
                    throw new UsageException(argument + " needs a value");
                }
                args.values.put(argument, arguments.get(++i));
            } else if (allowOperands) {
                throw new UsageException("unknown option: " + argument);
            } else {
                throw new UsageException("unknown argument: " + argument);
            }
        }
        return args;
    }

    String value(String option, String fallback) {
        return values.getOrDefault(option, fallback);
    }

    List<String> operands() {
        return List.copyOf(operands);
    }

    /** A session number given with {@code option}, or null when the option is absent. */
    Long sessionId(String option) throws UsageException {
        String text = value(option, null);
        if (text == null) {
            return null;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new UsageException(option + " must be a session number, was: " + text);
        }
    }

    boolean has(String flag) {
        return flags.contains(flag);
    }

    int positive(String option, int fallback) throws UsageException {
        String text = values.get(option);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text);
            if (value < 1) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new UsageException(option + " must be a positive whole number, was: " + text);
        }
    }

    int port(String option, int fallback) throws UsageException {
        String text = values.get(option);
        if (text == null) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(text);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new UsageException(option + " must be a port number 0-65535, was: " + text);
        }
    }

    /**
     * For a command with actions ({@code package build}, {@code journal verify}): prints the usage for --help (exit
     * 0) or a missing action (exit 2, on stderr) and returns the exit code; null when the action should run.
     */
    static Integer helpOrMissingAction(List<String> arguments, String usage, PrintStream out, PrintStream err) {
        if (arguments.isEmpty()) {
            err.println(usage);
            return 2;
        }
        if (arguments.contains("--help") || arguments.contains("-h")) {
            out.println(usage);
            return 0;
        }
        return null;
    }
}
