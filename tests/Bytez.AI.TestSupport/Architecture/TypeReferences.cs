using System.Reflection;
using System.Reflection.Emit;

namespace Bytez.AI.TestSupport;

/// <summary>
/// Every type a type uses: its base type, interfaces, fields, properties, method and constructor signatures, local
/// variables, and the types, methods and fields its IL refers to (so a call inside a method body counts too). Nested and
/// compiler-generated types (lambdas, async state machines) are types of their own, with their outer type's namespace.
/// </summary>
public static class TypeReferences
{
    private const BindingFlags Declared = BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>The types <paramref name="type"/> uses, with the generic arguments and element types unwrapped.</summary>
    public static HashSet<Type> Of(Type type)
    {
        var used = new HashSet<Type>();
        Add(used, type.BaseType);
        foreach (Type i in type.GetInterfaces())
        {
            Add(used, i);
        }

        foreach (FieldInfo field in type.GetFields(Declared))
        {
            Add(used, field.FieldType);
        }

        foreach (PropertyInfo property in type.GetProperties(Declared))
        {
            Add(used, property.PropertyType);
        }

        foreach (MethodBase method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            if (method is MethodInfo info)
            {
                Add(used, info.ReturnType);
            }

            foreach (ParameterInfo parameter in method.GetParameters())
            {
                Add(used, parameter.ParameterType);
            }

            AddBody(used, type, method);
        }

        return used;
    }

    private static void AddBody(HashSet<Type> used, Type type, MethodBase method)
    {
        MethodBody? body = method.GetMethodBody();
        if (body is null)
        {
            return;
        }

        foreach (LocalVariableInfo local in body.LocalVariables)
        {
            Add(used, local.LocalType);
        }

        byte[] il = body.GetILAsByteArray() ?? [];
        Type[] typeArguments = type.IsGenericType ? type.GetGenericArguments() : [];
        Type[] methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : [];
        for (int i = 0; i < il.Length;)
        {
            OpCode opCode = il[i] == 0xFE ? OpCodesByValue[(short)(0xFE00 | il[i + 1])] : OpCodesByValue[il[i]];
            i += opCode.Size;
            int operandSize = OperandSize(opCode.OperandType, il, i);
            if (opCode.OperandType is OperandType.InlineType or OperandType.InlineTok or OperandType.InlineMethod or OperandType.InlineField)
            {
                AddToken(used, method.Module, BitConverter.ToInt32(il, i), typeArguments, methodArguments);
            }

            i += operandSize;
        }
    }

    private static void AddToken(HashSet<Type> used, Module module, int token, Type[] typeArguments, Type[] methodArguments)
    {
        MemberInfo? member;
        try
        {
            member = module.ResolveMember(token, typeArguments, methodArguments);
        }
        catch (ArgumentException)
        {
            // A token that needs a generic context this scan cannot give; its declaring type is still in the signatures.
            return;
        }

        switch (member)
        {
            case Type t:
                Add(used, t);
                break;
            case MethodBase m:
                Add(used, m.DeclaringType);
                if (m is MethodInfo { IsGenericMethod: true } generic)
                {
                    foreach (Type argument in generic.GetGenericArguments())
                    {
                        Add(used, argument);
                    }
                }

                break;
            case FieldInfo f:
                Add(used, f.DeclaringType);
                Add(used, f.FieldType);
                break;
        }
    }

    private static int OperandSize(OperandType operandType, byte[] il, int at) => operandType switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
        _ => 4,
    };

    private static void Add(HashSet<Type> used, Type? type)
    {
        if (type is null || type.IsGenericParameter || !used.Add(type))
        {
            return;
        }

        if (type.HasElementType)
        {
            Add(used, type.GetElementType());
        }

        if (type.IsGenericType)
        {
            foreach (Type argument in type.GetGenericArguments())
            {
                Add(used, argument);
            }

            Add(used, type.GetGenericTypeDefinition());
        }
    }

    /// <summary>Each use of a forbidden type by one of <paramref name="types"/>, as "<c>A uses B</c>" (the layering tests' assertion).</summary>
    /// <param name="types">The types checked.</param>
    /// <param name="isForbidden">Whether a used type breaks the rule.</param>
    /// <returns>The violations; empty when the rule holds.</returns>
    public static List<string> Violations(IEnumerable<Type> types, Func<Type, bool> isForbidden) =>
        [.. types.SelectMany(t => Of(t).Where(isForbidden).Select(used => $"{t.FullName} uses {used.FullName}"))];

    /// <summary>Whether <paramref name="type"/> is in one of <paramref name="namespaces"/> or below it.</summary>
    /// <param name="type">The type.</param>
    /// <param name="namespaces">The namespaces.</param>
    /// <returns>True when it is.</returns>
    public static bool InNamespaces(Type type, string[] namespaces) =>
        type.Namespace is { } ns && namespaces.Any(n => ns == n || ns.StartsWith(n + ".", StringComparison.Ordinal));
}
