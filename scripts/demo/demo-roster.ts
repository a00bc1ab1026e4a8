import { seededRandom } from "~/modules/analytics/random";

/**
 * A believable organization for demos and benchmarks: a CEO, department heads, managers and
 * teams of varied size. Deterministic for a given seed, so a demo looks the same every time.
 */
export type DemoPerson = {
  email: string;
  name: string;
  title: string;
  managerEmail: string | null;
  department: string;
  location: string;
  level: string;
};

const FIRST = ["Ada", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kemi", "Liam", "Maya", "Nora", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tara", "Umar", "Vera", "Wei", "Ximena", "Yusuf", "Zoe", "Aiko", "Bruno", "Carmen", "Dmitri", "Esther", "Felix", "Gita", "Hugo", "Ivy", "Jamal", "Kira", "Luca", "Mina", "Nils"];
const LAST = ["Adeyemi", "Berg", "Costa", "Dubois", "Eriksen", "Fischer", "Garcia", "Haddad", "Ito", "Jensen", "Kowalski", "Lopez", "Moreau", "Nakamura", "Okafor", "Petrov", "Quist", "Rossi", "Schmidt", "Tanaka", "Ueda", "Varga", "Walsh", "Xu", "Yilmaz", "Zhang", "Alvarez", "Brandt", "Chen", "Diaz"];
const LOCATIONS = ["Berlin", "Lisbon", "Toronto", "Remote"];

const DEPARTMENTS: { name: string; head: string; manager: string; member: string[] }[] = [
  { name: "Engineering", head: "VP Engineering", manager: "Engineering Manager", member: ["Software Engineer", "Senior Engineer", "Staff Engineer", "QA Engineer"] },
  { name: "Product", head: "VP Product", manager: "Group Product Manager", member: ["Product Manager", "Product Designer", "UX Researcher"] },
  { name: "Sales", head: "VP Sales", manager: "Sales Manager", member: ["Account Executive", "Sales Engineer", "Business Development Rep"] },
  { name: "Customer Success", head: "Head of Customer Success", manager: "Support Lead", member: ["Customer Success Manager", "Support Specialist"] },
  { name: "Operations", head: "COO", manager: "Operations Manager", member: ["Finance Analyst", "People Partner", "Recruiter", "Office Manager"] },
];

export function generateDemoRoster({ size = 150, seed = 7, domain = "demo.example" } = {}): DemoPerson[] {
  const random = seededRandom(seed);
  const pick = <T,>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const people: DemoPerson[] = [];
  const usedEmails = new Set<string>();
  const add = (title: string, department: string, managerEmail: string | null, level: string): DemoPerson => {
    let first = pick(FIRST);
    let last = pick(LAST);
    let email = `${first}.${last}@${domain}`.toLowerCase();
    for (let n = 2; usedEmails.has(email); n++) email = `${first}.${last}${n}@${domain}`.toLowerCase();
    usedEmails.add(email);
    const person = { email, name: `${first} ${last}`, title, managerEmail, department, location: pick(LOCATIONS), level };
    people.push(person);
    return person;
  };

  const ceo = add("Chief Executive Officer", "Executive", null, "L9");
  const perDepartment = Math.max(4, Math.floor((size - 1) / DEPARTMENTS.length));
  for (const department of DEPARTMENTS) {
    const head = add(department.head, department.name, ceo.email, "L8");
    let remaining = perDepartment - 1;
    const managers: DemoPerson[] = [];
    while (remaining > 0) {
      const manager = add(department.manager, department.name, head.email, "L6");
      managers.push(manager);
      remaining--;
      const teamSize = Math.min(remaining, 4 + Math.floor(random() * 6));
      for (let i = 0; i < teamSize; i++) add(pick(department.member), department.name, manager.email, pick(["L3", "L4", "L5"]));
      remaining -= teamSize;
    }
  }
  // Managers come before their reports, so any prefix is a consistent org chart.
  return people.slice(0, size);
}

export function rosterCsv(people: DemoPerson[]): string {
  const header = "email,name,title,manager_email,department,location,level";
  const escape = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return [header, ...people.map((p) => [p.email, p.name, p.title, p.managerEmail ?? "", p.department, p.location, p.level].map(escape).join(","))].join("\n") + "\n";
}
