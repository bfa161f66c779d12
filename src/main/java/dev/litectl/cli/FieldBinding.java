package dev.litectl.cli;

import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;

/**
 * How a generated command model ({@link CommandModels}) reads and writes an option's field: by the field's
 * number in the generated switch, without reflection.
 */
final class FieldBinding implements IGetter, ISetter {
    private final int field;
    private final Object owner;

    FieldBinding(int field, Object owner) {
        this.field = field;
        this.owner = owner;
    }

    @Override
    public <T> T get() {
        return CommandModels.get(field, owner);
    }

    @Override
    public <T> T set(T value) {
        T old = get();
        CommandModels.set(field, owner, value);
        return old;
    }
}
