package de.kielregion.kooperation.projects.strategy;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class StrategyApi {

    private StrategyApi() {}

    public record GoalRequest(
            @NotBlank @Size(max = 300) String title,
            @Size(max = 4000) String description,
            Long version) {}

    public record GoalView(UUID id, String title, String description, long version) {}

    public record ThemeRequest(
            @NotBlank @Size(max = 200) @Schema(example = "Mobilität ländlicher Raum")
            String name,

            @Size(max = 4000) String description,
            Long version) {}

    public record ThemeView(UUID id, String name, String description, long version) {}

    @Schema(description = "A measure of the workshop with all its fields")
    public record MeasureRequest(
            @NotNull @Min(1) @Max(99) @Schema(example = "3") Integer number,

            @NotBlank @Size(max = 300) @Schema(example = "Fokus auf einen Kooperationsraum")
            String title,

            @Size(max = 4000) String description,
            @Size(max = 4000) String whatMustHappen,
            @Size(max = 4000) String whoMustBeInvolved,
            @Size(max = 4000) String resourcesNeeded,
            @Size(max = 200) @Schema(example = "ASAP") String timeline,
            @Size(max = 20) List<@NotNull UUID> themeIds,
            Long version) {}

    public record MeasureView(
            UUID id,
            int number,
            String title,
            String description,
            String whatMustHappen,
            String whoMustBeInvolved,
            String resourcesNeeded,
            String timeline,
            List<UUID> themeIds,
            long version,

            @Schema(description = "The goals the measure serves (PUT /measures/{id}/goals)")
            List<UUID> goalIds) {}

    @Schema(description = "An open question, of a measure or of the strategy as a whole")
    public record QuestionRequest(
            UUID measureId,

            @NotBlank @Size(max = 2000) @Schema(example = "Mitgliedschaft STRING & UBC")
            String text,

            @Size(max = 10)
            @Schema(
                    description = "Acronyms of organisations whose membership decisions answer it",
                    example = "[\"STRING\", \"UBC\"]")
            List<@NotBlank @Size(max = 30) String> organisations) {}

    public record QuestionView(
            UUID id,
            UUID measureId,
            String text,
            OpenQuestion.Status status,
            String answer,
            UUID resolvedByDecision,
            Instant resolvedAt,
            List<String> organisations,
            long version) {}

    public record NextStepRequest(
            @NotBlank @Size(max = 500) @Schema(example = "Potentialanalyse Kooperationsraum beauftragen")
            String title,

            @NotBlank @Size(max = 200) @Schema(example = "KielRegion, Team International")
            String owner,

            LocalDate dueDate,
            NextStep.Status status,
            UUID measureId,
            UUID projectId,
            Long version) {}

    public record NextStepView(
            UUID id,
            String title,
            String owner,
            LocalDate dueDate,
            NextStep.Status status,
            boolean overdue,
            UUID measureId,
            UUID projectId,
            long version) {}
}
