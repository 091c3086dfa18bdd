// Svenska: konfigurationsformuläret (`/contacts setup`, knappen i App Home).
import type { setup as en } from "../en/setup.ts";
import type { Part } from "../part.ts";

export const setup: Part<typeof en> = {
  "setupModal.title": "{configured, select, yes {tierkeeper-inställningar} other {Konfigurera tierkeeper}}",
  "setupModal.save": "Spara",
  "setupModal.cancel": "Avbryt",
  "setupModal.close": "Stäng",
  "setupModal.introSettings":
    "Det här är tierkeepers inställningar. Ni har <b>{count, plural, one {# marknadsföringskontakt} other {# marknadsföringskontakter}}</b> i dag. När du sparar ändras alla på en gång.",
  "setupModal.introNew":
    "Berätta för tierkeeper vad ni har köpt och var det ska höra av sig. Ni har <b>{count, plural, one {# marknadsföringskontakt} other {# marknadsföringskontakter}}</b> i dag. Du kan ändra allt detta senare i App Home eller med {command}.",
  "setupModal.plan": "Plan",
  "setupModal.tier": "Kontaktpaket: de marknadsföringskontakter ni betalar för",
  "setupModal.tierChoose": "Välj ett paket",
  "setupModal.tierOption": "{limit, number} kontakter – {monthly}/månad",
  "setupModal.tierHint":
    "Paket som rymmer era {count, plural, one {# marknadsföringskontakt} other {# marknadsföringskontakter}}, med sitt månadspris.",
  "setupModal.term": "Faktureringsperiod",
  "setupModal.termAnnual": "Årsvis",
  "setupModal.termAnnualHint": "Uppdateringsdatum den 1:a varje månad",
  "setupModal.termMonthly": "Månadsvis",
  "setupModal.termMonthlyHint": "Uppdateringsdatum på avtalets startdag varje månad",
  "setupModal.start": "Avtalets start (köpdatum)",
  "setupModal.startHint": "Månadsavtal förnyas på den här dagen i månaden; årsavtal på det här datumet varje år.",
  "setupModal.timezone": "Tidszon för faktureringen",
  "setupModal.timezoneHint":
    "Ett IANA-namn som {example1} eller {example2}: uppdateringsdatumen infaller kl. 12.00 där.",
  "setupModal.channelChoose": "Välj en kanal",
  "setupModal.alertChannel": "Kanal för paketvarningar",
  "setupModal.alertChannelHint":
    "Varningar vid {first}, {second} och {third} av paketet, uppgraderingar och påminnelser. Bjud först in {bot} till en privat kanal.",
  "setupModal.approvalsChannel": "Kanal för godkännanden",
  "setupModal.approvalsChannelHint":
    "Massändringar och allt som skulle uppgradera paketet väntar här på en administratör.",
  "setupModal.billing": "Faktureringskontakter",
  "setupModal.billingChoose": "Välj personer",
  "setupModal.billingHint": "De får varje paketvarning som direktmeddelande.",
  "setupModal.reminders": "Påminnelser före varje uppdateringsdatum",
  "setupModal.remindersNone": "Inga",
  "setupModal.reminderDay": "{days, plural, one {# dag före} other {# dagar före}}",
  "setupModal.noteSettings": "Allt sparas tillsammans, eller inget om något fält nekas.",
  "setupModal.noteNew":
    "Allt sparas tillsammans. Sedan skriver tierkeeper en kort anteckning i godkännandekanalen om vad det kommer att göra och när.",
  "setupModal.noAccess":
    "Bara administratörer kan konfigurera tierkeeper eller ändra dess inställningar. Fråga en administratör i den här arbetsytan; {command} visar inställningarna för alla.",
  "setupModal.missing.plan": "Välj en plan: starter, professional eller enterprise.",
  "setupModal.missing.tier": "Välj ett kontaktpaket.",
  "setupModal.missing.term": "Välj en faktureringsperiod: månadsvis eller årsvis.",
  "setupModal.missing.start": "Ange avtalets startdatum (köpdatum), t.ex. 2026-03-15.",
  "setupModal.missing.timezone": "Ange faktureringens tidszon, ett IANA-namn som America/New_York.",
  "setupModal.missing.alertChannel": "Välj kanalen för paketvarningar.",
  "setupModal.missing.approvalsChannel": "Välj kanalen där administratörer godkänner massändringar.",
  "setupModal.missing.reminders": "Ange påminnelsedagarna, t.ex. 3d,1d, eller off.",
  "setupModal.missing.billingContacts": "Välj faktureringskontakterna.",
  "setupModal.notUser": "”{value}” är ingen Slack-användare; ange användar-id som U0123ABCD eller omnämnanden.",
  "setupModal.unreadable":
    "{field, select, start {Det är inget datum jag kan läsa; välj avtalets start i kalendern.} other {Jag kunde inte läsa det svaret; välj eller skriv det igen.}}",
  "setupModal.tooManyBilling":
    "Det är {count, number} faktureringskontakter; konfigurationen tar högst {max, number} (var och en får varje varning som direktmeddelande).",
  "setupModal.done.first": "tierkeeper är konfigurerat.",
  "setupModal.done.saved": "Inställningarna är sparade.",
  "setupModal.done.note": "En anteckning om vad tierkeeper kommer att göra är på väg till {channel}.",
};
