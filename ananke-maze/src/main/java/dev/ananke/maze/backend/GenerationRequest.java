package dev.ananke.maze.backend;

import dev.ananke.core.ir.ConstraintIR;

/**
 * What a backend is asked for.
 *
 * @param prompt the full prompt text (the orchestrator builds it from intent and context)
 * @param ir what the output must satisfy; the backend picks the forms it can send
 * @param allowDegraded when the backend cannot express a part of the IR, generate anyway and say
 *     what was not enforced (in {@link Generation#notEnforced()}) instead of failing
 * @param stream ask the server to stream (SSE) where it can; the result is the same text
 */
public record GenerationRequest(String prompt, ConstraintIR ir, Sampling sampling, boolean allowDegraded, boolean stream) {}
