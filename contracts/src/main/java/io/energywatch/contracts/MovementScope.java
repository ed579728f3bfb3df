package io.energywatch.contracts;

/** Whether a social movement is national or limited to some regions. */
public enum MovementScope {
    NATIONAL, REGIONAL
}
