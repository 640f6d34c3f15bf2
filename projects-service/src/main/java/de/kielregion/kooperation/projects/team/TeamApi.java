package de.kielregion.kooperation.projects.team;

import de.kielregion.kooperation.projects.team.TeamAssignment.Subject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class TeamApi {

    private TeamApi() {}

    @Schema(description = "A person's capacity for the team in a year, in FTE (1.00 = full time)")
    public record YearCapacity(
            @NotNull @Min(2000) @Max(2100) Integer year,

            @NotNull @DecimalMin("0") @DecimalMax("1.5") @Digits(integer = 1, fraction = 2) @Schema(example = "0.80")
            BigDecimal fte) {}

    @Schema(description = "A person joining KielRegion's international team")
    public record MemberRequest(
            @NotBlank @Size(max = 200) @Schema(example = "Jana Hansen")
            String name,

            @Size(max = 200) @Schema(example = "Referentin Internationale Kooperation")
            String role,

            @Email @Size(max = 320) String email,
            @Size(max = 20) List<@NotNull @Valid YearCapacity> capacity) {}

    @Schema(description = "What a person works on in a year, as a share of FTE")
    public record AssignmentRequest(
            @NotNull UUID memberId,
            @NotNull @Schema(example = "PROJECT") Subject subjectType,
            @NotNull UUID subjectId,
            @NotNull @Min(2000) @Max(2100) Integer year,

            @NotNull
            @DecimalMin(value = "0", inclusive = false)
            @DecimalMax("1.5")
            @Digits(integer = 1, fraction = 2)
            @Schema(example = "0.25")
            BigDecimal fte,

            @Size(max = 1000) String note) {}

    public record AssignmentView(
            UUID id,
            UUID memberId,
            String memberName,
            Subject subjectType,
            UUID subjectId,
            String subjectName,
            int year,
            BigDecimal fte,
            String note) {}

    @Schema(name = "TeamMemberView")
    public record MemberView(
            UUID id,
            String name,
            String role,
            String email,

            @Schema(description = "The capacity per year (FTE)")
            List<YearCapacity> capacity,

            @Schema(description = "The capacity of the year asked for")
            BigDecimal capacityOfYear,

            @Schema(description = "What the person is assigned that year")
            BigDecimal assigned,

            @Schema(description = "What is free that year (capacity minus assigned)")
            BigDecimal free,

            List<AssignmentView> assignments,
            long version) {}

    @Schema(description = "The team in a year: its people, who works on what, and the STAFF line against it")
    public record TeamView(
            int year,
            List<MemberView> members,
            BigDecimal capacity,
            BigDecimal assigned,

            @Schema(description = "The STAFF budget line of the year (FTE); null without one")
            BigDecimal staffLine,

            @Schema(description = "Staff allocated from that line to projects (FTE)")
            BigDecimal staffAllocated,

            @Schema(description = "Staff allocated to projects but not yet assigned to a person (FTE)")
            BigDecimal staffUnassigned) {}
}
