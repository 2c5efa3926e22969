/** One COPY instruction of a Dockerfile, continuation lines joined. */
export interface CopyInstruction {
  fromStage?: string;
  sources: string[];
  destination: string;
}

/** Joins `\`-continued lines and drops comments, giving one instruction per entry. */
export function dockerInstructions(dockerfile: string): string[] {
  return dockerfile
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

export function copyInstructions(dockerfile: string): CopyInstruction[] {
  return dockerInstructions(dockerfile)
    .filter((line) => /^COPY\s/i.test(line))
    .map((line) => {
      const words = line.split(/\s+/).slice(1);
      const flags = words.filter((w) => w.startsWith('--'));
      const paths = words.filter((w) => !w.startsWith('--'));
      const from = flags.find((f) => f.startsWith('--from='));
      if (paths.length < 2) throw new Error(`COPY needs a source and a destination: ${line}`);
      return {
        fromStage: from?.slice('--from='.length),
        sources: paths.slice(0, -1),
        destination: paths[paths.length - 1]!,
      };
    });
}

export interface DockerStage {
  name?: string;
  /** The stage's instructions, FROM first. */
  lines: string[];
}

export function dockerStages(dockerfile: string): DockerStage[] {
  const stages: DockerStage[] = [];
  for (const line of dockerInstructions(dockerfile)) {
    const from = /^FROM\s+\S+(?:\s+AS\s+(\S+))?$/i.exec(line);
    if (from) stages.push({ name: from[1], lines: [line] });
    else stages.at(-1)?.lines.push(line);
  }
  return stages;
}
