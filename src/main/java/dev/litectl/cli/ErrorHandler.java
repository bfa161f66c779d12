package dev.litectl.cli;

import dev.litectl.db.DatabaseBusyException;
import dev.litectl.db.LitectlException;
import dev.litectl.db.OperationInterruptedException;
import dev.litectl.db.SqliteErrors;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/** The one place where exceptions become an exit code and the one-line {@code litectl: <what>: <why>} error. */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {
    private final GlobalOptions globals;

    ErrorHandler(GlobalOptions globals) {
        this.globals = globals;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        String name = cmd.getCommandSpec().qualifiedName(" ");
        err.println("litectl: " + oneLine(ex.getMessage()) + suggestion(ex) + " (see '" + name + " --help')");
        if (globals.verbose) {
            err.print(StackTraces.format(ex));
        }
        err.flush();
        return ExitCodes.USAGE;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        if (ex instanceof ParameterException pe) {
            return handleParseException(pe, parseResult.originalArgs().toArray(String[]::new));
        }
        PrintWriter err = cmd.getErr();
        Throwable t = ex;
        int code;
        String message;
        if (t instanceof SQLException se) {
            t = SqliteErrors.translate(cmd.getCommandName(), se);
        }
        if (t instanceof DatabaseBusyException) {
            code = ExitCodes.BUSY;
            message = t.getMessage();
        } else if (t instanceof OperationInterruptedException) {
            code = ExitCodes.INTERRUPTED;
            message = t.getMessage();
        } else if (t instanceof LitectlException) {
            code = ExitCodes.FAILED;
            message = t.getMessage();
        } else if (t instanceof IOException || t instanceof UncheckedIOException) {
            code = ExitCodes.FAILED;
            message = cmd.getCommandName() + ": I/O error: " + t.getMessage();
        } else {
            code = ExitCodes.SOFTWARE;
            message = cmd.getCommandName() + ": internal error: " + t + " (a bug in litectl; please report it with this trace)";
        }
        err.println("litectl: " + oneLine(message));
        if (globals.verbose || code == ExitCodes.SOFTWARE) {
            err.print(StackTraces.format(ex));
        }
        err.flush();
        return code;
    }

    /** ", did you mean migrate?" for a misspelt command or option, picocli's closest matches. */
    private static String suggestion(ParameterException ex) {
        if (ex instanceof UnmatchedArgumentException u) {
            List<String> close = u.getSuggestions();
            if (!close.isEmpty()) {
                return "; did you mean " + String.join(" or ", close.subList(0, Math.min(3, close.size()))) + "?";
            }
        }
        return "";
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }
}
